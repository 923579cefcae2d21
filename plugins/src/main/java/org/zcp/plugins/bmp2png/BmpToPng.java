package org.zcp.plugins.bmp2png;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.zcp.plugin.MailChanges;

/**
 * BMP2PNG (manual 6.8.4.2), a zarafa-dagent plugin: every BMP image of an incoming message
 * (content type image/bmp, image/x-bmp, image/x-ms-bmp, or a {@code .bmp} file name) is stored as
 * PNG instead: content type image/png, file name ending in {@code .png}, base64. Parts of
 * multiparts at any depth are converted; attached messages (message/rfc822) are left as they are,
 * and so is an image that does not decode. A message without BMPs is not touched at all.
 *
 * <p>Only files that start with a BMP header are decoded, and only by the BMP decoder; an image
 * whose header declares more than {@code maxPixels} pixels (init parameter of the mailet,
 * default {@value #DEFAULT_MAX_PIXELS}) is left as it came, with a warning in the log, before
 * any decoding (security review #22: decoding allocates every declared pixel).
 */
public class BmpToPng extends GenericMailet {
    private static final Logger LOG = Logger.getLogger(BmpToPng.class.getName());
    /** The session of the copies {@link #save} makes: UTF-8 in headers stays UTF-8. */
    static final Set<String> BMP_TYPES = Set.of("image/bmp", "image/x-bmp", "image/x-ms-bmp");
    /** 5000 x 5000: at most ~100 MB decoded (4 bytes a pixel), with the PNG being written beside it. */
    static final long DEFAULT_MAX_PIXELS = 25_000_000L;
    private long maxPixels = DEFAULT_MAX_PIXELS;

    @Override
    public void init() throws MessagingException {
        String limit = getInitParameter("maxPixels");
        if (limit == null || limit.isBlank()) return;
        try {
            maxPixels = Long.parseLong(limit.trim());
        } catch (NumberFormatException e) {
            throw new MessagingException("bmp2png: maxPixels is not a number: " + limit);
        }
        if (maxPixels <= 0) throw new MessagingException("bmp2png: maxPixels must be positive: " + limit);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        MimeMessage message = mail.getMessage();
        int converted;
        try {
            converted = convert(message, mail.getName(), maxPixels);
        } catch (MessagingException | IOException | RuntimeException e) {
            // an unreadable structure is no reason to refuse the mail: it is delivered as it came
            LOG.log(Level.INFO, "bmp2png: mail " + mail.getName() + " left as it is: " + e, e);
            return;
        }
        if (converted > 0) {
            MailChanges.save(mail);
            LOG.fine(() -> "bmp2png: " + converted + " image(s) of mail " + mail.getName() + " converted to PNG");
        }
    }


    /** Converts the BMPs in {@code part} and below; the number converted. */
    static int convert(Part part, String mailName) throws MessagingException, IOException {
        return convert(part, mailName, DEFAULT_MAX_PIXELS);
    }

    /** Converts the BMPs of at most {@code maxPixels} pixels in {@code part} and below; the number converted. */
    static int convert(Part part, String mailName, long maxPixels) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            if (!(part.getContent() instanceof Multipart mp)) return 0;
            int n = 0;
            for (int i = 0; i < mp.getCount(); i++) n += convert(mp.getBodyPart(i), mailName, maxPixels);
            if (n > 0) part.setContent(mp);
            return n;
        }
        if (part.isMimeType("message/*")) return 0; // an attached message is someone else's mail
        if (!isBmp(part)) return 0;
        byte[] png = toPng(part, mailName, maxPixels);
        if (png == null) return 0;
        replace(part, png);
        return 1;
    }

    static boolean isBmp(Part part) throws MessagingException {
        String type = baseType(part);
        if (type != null && BMP_TYPES.contains(type)) return true;
        String name = fileName(part);
        return name != null && name.toLowerCase(Locale.ROOT).endsWith(".bmp");
    }

    /**
     * The PNG form of the part's image, or null when it is no BMP file, declares more than
     * {@code maxPixels} pixels or does not decode. The header is read first; only then the BMP
     * decoder (never another format's, whatever the bytes look like) reads the image.
     */
    private static byte[] toPng(Part part, String mailName, long maxPixels) {
        BmpHeader header;
        try (InputStream in = part.getInputStream()) {
            header = BmpHeader.read(in);
        } catch (IOException | MessagingException | RuntimeException e) {
            LOG.fine(() -> "bmp2png: an image of mail " + mailName + " cannot be read, left as it is: " + e);
            return null;
        }
        if (header == null) {
            LOG.fine(() -> "bmp2png: an image of mail " + mailName + " has no BMP header, left as it is");
            return null;
        }
        if (header.pixels() > maxPixels) {
            LOG.warning("bmp2png: an image of mail " + mailName + " declares " + header.width() + " x "
                    + header.height() + " pixels, more than maxPixels (" + maxPixels + "): left as it is");
            return null;
        }
        BufferedImage image;
        ImageReader reader = ImageIO.getImageReadersByFormatName("bmp").next();
        try (InputStream in = part.getInputStream(); ImageInputStream iis = new MemoryCacheImageInputStream(in)) {
            reader.setInput(iis, true, true);
            // the decoder's own reading of the header must agree with the limit too
            if ((long) reader.getWidth(0) * reader.getHeight(0) > maxPixels) {
                LOG.warning("bmp2png: an image of mail " + mailName + " is larger than maxPixels: left as it is");
                return null;
            }
            image = reader.read(0);
        } catch (IOException | MessagingException | RuntimeException e) {
            LOG.fine(() -> "bmp2png: an image of mail " + mailName + " does not decode, left as it is: " + e);
            return null;
        } finally {
            reader.dispose();
        }
        if (image == null) {
            LOG.fine(() -> "bmp2png: an image of mail " + mailName + " is no image ImageIO reads, left as it is");
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var ios = new MemoryCacheImageOutputStream(out)) {
            if (!ImageIO.write(image, "png", ios)) return null;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.INFO, "bmp2png: an image of mail " + mailName + " cannot be written as PNG: " + e);
            return null;
        }
        return out.toByteArray();
    }

    /** The part as PNG: its other headers (Content-ID, disposition, description) stay. */
    private static void replace(Part part, byte[] png) throws MessagingException {
        String name = fileName(part);
        boolean disposition = part.getHeader("Content-Disposition") != null;
        ContentType type;
        try {
            type = new ContentType(part.getContentType());
            type.setPrimaryType("image");
            type.setSubType("png");
        } catch (ParseException | RuntimeException e) {
            type = new ContentType("image", "png", null);
        }
        if (type.getParameter("name") != null) type.setParameter("name", png(type.getParameter("name")));
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(png, type.toString())));
        part.setHeader("Content-Type", type.toString());
        part.setHeader("Content-Transfer-Encoding", "base64");
        // a name given only in Content-Type is renamed there; setFileName would add a disposition
        if (name != null && disposition) part.setFileName(png(name));
    }

    private static String png(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".bmp") ? name.substring(0, name.length() - 4) + ".png" : name + ".png";
    }

    private static String baseType(Part part) {
        try {
            String ct = part.getContentType();
            return ct == null ? null : new ContentType(ct).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String fileName(Part part) {
        try {
            return part.getFileName();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String getMailetInfo() {
        return "BMP2PNG (manual 6.8.4.2): BMP images of incoming mail are stored as PNG";
    }
}
