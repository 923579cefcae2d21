package org.zcp.plugins.bmp2png;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.james.server.core.MimeMessageWrapper;
import org.apache.mailet.Mail;
import org.junit.jupiter.api.Test;
import org.zcp.plugins.Fixtures;

class BmpToPngTest {
    static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    static byte[] image(String format) throws Exception {
        BufferedImage img = new BufferedImage(5, 3, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 2, Color.RED.getRGB());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).isTrue();
        return out.toByteArray();
    }

    static MimeBodyPart part(byte[] data, String type, String fileName) throws Exception {
        MimeBodyPart p = new MimeBodyPart();
        p.setDataHandler(new DataHandler(new ByteArrayDataSource(data, type)));
        if (fileName != null) p.setFileName(fileName);
        p.setHeader("Content-Type", type + (fileName == null ? "" : "; name=\"" + fileName + "\""));
        p.setHeader("Content-Transfer-Encoding", "base64");
        return p;
    }

    static MimeBodyPart text(String s) throws Exception {
        MimeBodyPart p = new MimeBodyPart();
        p.setText(s, "UTF-8");
        return p;
    }

    static MimeMessage message(Multipart body) throws Exception {
        MimeMessage m = new MimeMessage(Fixtures.SESSION);
        m.setFrom(new InternetAddress("sender@example.com"));
        m.setRecipient(RecipientType.TO, new InternetAddress("user@example.com"));
        m.setSubject("pictures");
        m.setContent(body);
        m.setHeader("Message-ID", "<original@example.com>");
        return m;
    }

    /** Runs the plugin on the message as delivery gets it; the mail afterwards. */
    static Mail run(MimeMessage built) throws Exception {
        Mail mail = Fixtures.mail(Fixtures.reparse(built), "user@example.com", 1);
        Fixtures.init(new BmpToPng(), Fixtures.context(null, Map.of())).service(mail);
        return mail;
    }

    static boolean modified(Mail mail) throws Exception {
        return ((MimeMessageWrapper) mail.getMessage()).isModified();
    }

    /** The message as the store gets it. */
    static MimeMessage stored(Mail mail) throws Exception {
        return Fixtures.parse(Fixtures.bytes(mail.getMessage()));
    }

    static byte[] content(Part p) throws Exception {
        try (InputStream in = p.getInputStream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void aBmpInAMixedMessageBecomesAPng() throws Exception {
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(text("see the picture"));
        mixed.addBodyPart(part(image("bmp"), "image/bmp", "Picture.BMP"));
        Mail m = run(message(mixed));
        assertThat(modified(m)).isTrue();

        MimeMessage s = stored(m);
        assertThat(s.getMessageID()).isEqualTo("<original@example.com>");
        Multipart mp = (Multipart) s.getContent();
        assertThat(mp.getBodyPart(0).getContent()).isEqualTo("see the picture");
        BodyPart png = mp.getBodyPart(1);
        assertThat(png.isMimeType("image/png")).isTrue();
        assertThat(png.getFileName()).isEqualTo("Picture.png");
        assertThat(png.getContentType()).contains("name=Picture.png");
        assertThat(png.getHeader("Content-Transfer-Encoding")).containsExactly("base64");
        byte[] data = content(png);
        assertThat(data).startsWith(PNG_MAGIC);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(data));
        assertThat(img.getWidth()).isEqualTo(5);
        assertThat(img.getHeight()).isEqualTo(3);
        assertThat(img.getRGB(1, 2)).isEqualTo(Color.RED.getRGB());
    }

    @Test
    void pngsAndTextAreLeftAsTheyCame() throws Exception {
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(text("nothing to do"));
        mixed.addBodyPart(part(image("png"), "image/png", "picture.png"));
        MimeMessage built = Fixtures.reparse(message(mixed));
        Mail m = run(built);
        assertThat(modified(m)).isFalse();
        assertThat(Fixtures.bytes(m.getMessage())).isEqualTo(Fixtures.bytes(built));
    }

    @Test
    void aBmpThatDoesNotDecodeIsLeftAlone() throws Exception {
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(text("broken picture"));
        mixed.addBodyPart(part("BM this is no bitmap".getBytes(), "application/octet-stream", "broken.bmp"));
        Mail m = run(message(mixed));
        assertThat(modified(m)).isFalse();
        BodyPart p = ((Multipart) stored(m).getContent()).getBodyPart(1);
        assertThat(p.getFileName()).isEqualTo("broken.bmp");
        assertThat(new String(content(p))).isEqualTo("BM this is no bitmap");
    }

    @Test
    void nestedMultipartsAreConvertedAttachedMessagesAreNot() throws Exception {
        MimeMultipart inner = new MimeMultipart("related");
        inner.addBodyPart(text("<p>inline picture</p>"));
        MimeBodyPart inline = part(image("bmp"), "image/x-ms-bmp", null);
        inline.setContentID("<pic@example.com>");
        inline.setDisposition(Part.INLINE);
        inner.addBodyPart(inline);
        MimeBodyPart related = new MimeBodyPart();
        related.setContent(inner);

        MimeMultipart forwardedBody = new MimeMultipart("mixed");
        forwardedBody.addBodyPart(text("forwarded"));
        forwardedBody.addBodyPart(part(image("bmp"), "image/bmp", "old.bmp"));
        MimeMessage forwarded = message(forwardedBody);
        forwarded.saveChanges();
        MimeBodyPart rfc822 = new MimeBodyPart();
        rfc822.setContent(forwarded, "message/rfc822");

        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(related);
        mixed.addBodyPart(rfc822);
        Mail m = run(message(mixed));
        assertThat(modified(m)).isTrue();

        Multipart top = (Multipart) stored(m).getContent();
        BodyPart png = ((Multipart) top.getBodyPart(0).getContent()).getBodyPart(1);
        assertThat(png.isMimeType("image/png")).isTrue();
        assertThat(png.getFileName()).isNull();
        assertThat(png.getHeader("Content-ID")).containsExactly("<pic@example.com>");
        assertThat(png.getDisposition()).isEqualTo(Part.INLINE);
        assertThat(content(png)).startsWith(PNG_MAGIC);

        MimeMessage attached = (MimeMessage) top.getBodyPart(1).getContent();
        BodyPart old = ((Multipart) attached.getContent()).getBodyPart(1);
        assertThat(old.isMimeType("image/bmp")).isTrue();
        assertThat(old.getFileName()).isEqualTo("old.bmp");
    }

    @Test
    void aMessageThatIsOneBitmapBecomesOnePng() throws Exception {
        MimeMessage built = new MimeMessage(Fixtures.SESSION);
        built.setSubject("scan");
        built.setDataHandler(new DataHandler(new ByteArrayDataSource(image("bmp"), "image/x-bmp")));
        built.setHeader("Content-Type", "image/x-bmp");
        built.setHeader("Content-Transfer-Encoding", "base64");
        built.setHeader("Message-ID", "<scan@example.com>");
        Mail m = run(built);
        assertThat(modified(m)).isTrue();
        MimeMessage s = stored(m);
        assertThat(s.isMimeType("image/png")).isTrue();
        assertThat(s.getSubject()).isEqualTo("scan");
        assertThat(s.getMessageID()).isEqualTo("<scan@example.com>");
        byte[] data = content(s);
        assertThat(data).startsWith(PNG_MAGIC);
        assertThat(ImageIO.read(new ByteArrayInputStream(data)).getWidth()).isEqualTo(5);
    }

    // ---- security review #22: the declared size is checked before anything is decoded -----------

    /**
     * A BMP of about 1 KB that declares {@code width} x {@code height} 8-bit pixels, run-length
     * encoded (BI_RLE8) and ending at once (00 01: end of bitmap): decoding it would allocate
     * every declared pixel.
     */
    static byte[] bomb(int width, int height) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(14 + 40 + 1024 + 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(b.capacity()).putInt(0).putInt(14 + 40 + 1024);
        b.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 8).putInt(1).putInt(2)
                .putInt(2835).putInt(2835).putInt(256).putInt(0);
        for (int i = 0; i < 256; i++) b.putInt(i * 0x010101);
        b.put((byte) 0).put((byte) 1);
        return b.array();
    }

    @Test
    void aBitmapDeclaringTooManyPixelsIsLeftAloneWithoutDecoding() throws Exception {
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(text("a bomb"));
        byte[] bomb = bomb(20_000, 20_000);
        mixed.addBodyPart(part(bomb, "image/bmp", "bomb.bmp"));
        Mail m = run(message(mixed));
        assertThat(modified(m)).isFalse();
        BodyPart p = ((Multipart) stored(m).getContent()).getBodyPart(1);
        assertThat(p.getFileName()).isEqualTo("bomb.bmp");
        assertThat(content(p)).isEqualTo(bomb);
    }

    @Test
    void topDownAndCoreHeadersAreMeasuredToo() throws Exception {
        assertThat(BmpHeader.read(new ByteArrayInputStream(bomb(20_000, -20_000))).pixels()).isEqualTo(400_000_000L);
        assertThat(BmpHeader.read(new ByteArrayInputStream(bomb(-5, 3)))).as("negative width").isNull();
        byte[] core = {'B', 'M', 0, 0, 0, 0, 0, 0, 0, 0, 26, 0, 0, 0, 12, 0, 0, 0, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF, 1, 0, 24, 0};
        assertThat(BmpHeader.read(new ByteArrayInputStream(core))).isEqualTo(new BmpHeader(65535, 65535, 24));
        assertThat(BmpHeader.read(new ByteArrayInputStream("BM".getBytes()))).isNull();
    }

    @Test
    void theLimitIsTheMailetsMaxPixelsParameter() throws Exception {
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(part(image("bmp"), "image/bmp", "small.bmp"));
        Mail mail = Fixtures.mail(Fixtures.reparse(message(mixed)), "user@example.com", 1);
        Fixtures.init(new BmpToPng(), Fixtures.context(null, Map.of()), Map.of("maxPixels", "14")).service(mail);
        assertThat(modified(mail)).as("5 x 3 = 15 pixels > 14").isFalse();

        Mail again = Fixtures.mail(Fixtures.reparse(message(mixed)), "user@example.com", 1);
        Fixtures.init(new BmpToPng(), Fixtures.context(null, Map.of()), Map.of("maxPixels", "15")).service(again);
        assertThat(modified(again)).isTrue();
    }

    @Test
    void anotherImageFormatNamedBmpIsNotDecoded() throws Exception {
        MimeMultipart mixed = new MimeMultipart("mixed");
        byte[] png = image("png");
        mixed.addBodyPart(part(png, "image/bmp", "disguised.bmp"));
        Mail m = run(message(mixed));
        assertThat(modified(m)).isFalse();
        assertThat(content(((Multipart) stored(m).getContent()).getBodyPart(0))).isEqualTo(png);
    }
}
