package org.zcp.plugins.disclaimer;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.zcp.plugin.MailAttributes;
import org.zcp.plugin.MailChanges;
import org.zcp.plugin.Platform;

/**
 * Disclaimer (manual 6.8.5.1), a zarafa-spooler plugin: every message sent gets the disclaimer of
 * the sender's company, {@code disclaimers/<companyname>.txt} and {@code .html} beside server.cfg,
 * else {@code disclaimers/default.txt} and {@code .html} (UTF-8). The text one goes at the end of
 * the first text/plain body part, the HTML one before {@code </body>} of the first text/html body
 * part, at any depth of the message's multiparts; with only a text disclaimer, an HTML body gets
 * it as HTML. Attachments, attached messages and signed or encrypted parts are never touched.
 */
public class Disclaimer extends GenericMailet {
    static final String DIRECTORY = "disclaimers";
    private static final Logger LOG = Logger.getLogger(Disclaimer.class.getName());
    /** The session of the copies {@link #save} makes: UTF-8 in headers stays UTF-8. */

    /** The texts for one message; either may be null. */
    record Texts(String text, String html) {
        boolean none() {
            return text == null && html == null;
        }
    }

    private Path directory;
    private LongFunction<String> companyOfUser = id -> null;

    @Override
    public void init() throws MessagingException {
        Platform platform = Platform.of(getMailetContext());
        Path config = platform.configDirectory();
        directory = config == null ? null : config.resolve(DIRECTORY);
        companyOfUser = id -> platform.companyOf(id).orElse(null);
        if (directory == null || !Files.isDirectory(directory)) {
            LOG.warning("disclaimer: " + (directory == null ? "the server runs without server.cfg, so there is no"
                    + " disclaimers directory" : directory + " does not exist") + "; no disclaimers are added");
        }
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (directory == null) return;
        Texts texts = texts(MailAttributes.number(mail, MailAttributes.USER).orElse(-1L));
        if (texts.none()) return;
        MimeMessage message = mail.getMessage();
        Walk walk = new Walk(mail, texts);
        boolean changed;
        try {
            changed = walk.apply(message);
        } catch (IOException | MessagingException | RuntimeException e) {
            // a message whose structure cannot be read leaves without a disclaimer rather than not at all
            LOG.log(Level.WARNING, "disclaimer: mail " + mail.getName() + " sent without one: " + e, e);
            return;
        }
        if (changed) {
            MailChanges.save(mail);
            LOG.fine(() -> "disclaimer added to mail " + mail.getName());
        }
    }

    private static boolean append(Mail mail, Part part, String disclaimer, boolean html) {
        try {
            return append(part, disclaimer, html);
        } catch (IOException | MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "disclaimer: the " + (html ? "HTML" : "text") + " body of mail " + mail.getName()
                    + " cannot take one: " + e, e);
            return false;
        }
    }

    /** The company's disclaimers when it has any, else the default ones. */
    Texts texts(long userId) {
        String company = null;
        if (userId >= 0) {
            try {
                company = companyOfUser.apply(userId);
            } catch (RuntimeException e) {
                LOG.fine(() -> "disclaimer: no company for user " + userId + ": " + e);
            }
        }
        if (usable(company)) {
            Texts t = read(company);
            if (!t.none()) return t;
        }
        return read("default");
    }

    /** A company name that can be a file name: not empty, no path, not hidden. */
    private static boolean usable(String name) {
        return name != null && !name.isBlank() && !name.startsWith(".") && name.indexOf('/') < 0
                && name.indexOf('\\') < 0 && name.indexOf('\0') < 0;
    }

    private Texts read(String name) {
        String html = file(name + ".html");
        return new Texts(file(name + ".txt"), html == null ? null : bodyOf(html));
    }

    /** What goes into a body: an HTML file that is a whole document gives the inside of its body. */
    static String bodyOf(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        int open = lower.indexOf("<body");
        int start = open < 0 ? -1 : lower.indexOf('>', open);
        if (start < 0) return html.strip();
        int end = lower.lastIndexOf("</body");
        return html.substring(start + 1, end > start ? end : html.length()).strip();
    }

    private String file(String name) {
        Path f = directory.resolve(name);
        if (!Files.isRegularFile(f)) return null;
        try {
            String s = Files.readString(f, StandardCharsets.UTF_8);
            if (s.startsWith("\uFEFF")) s = s.substring(1);
            return s.isBlank() ? null : s;
        } catch (IOException e) {
            LOG.warning("disclaimer: cannot read " + f + " (it must be UTF-8): " + e);
            return null;
        }
    }


    /**
     * Adds the disclaimers to the first text/plain and the first text/html body part, depth first,
     * attachments skipped. A multipart with a changed part is set as its parent's content again:
     * the message James hands the mailets writes out its original body unless its own content was
     * set.
     */
    static final class Walk {
        private final Mail mail;
        private final Texts texts;
        private boolean textSeen;
        private boolean htmlSeen;

        Walk(Mail mail, Texts texts) {
            this.mail = mail;
            this.texts = texts;
        }

        boolean apply(Part part) throws MessagingException, IOException {
            if (textSeen && htmlSeen) return false;
            if (part.isMimeType("multipart/*")) {
                // a signature would break, an encrypted body cannot be read
                if (part.isMimeType("multipart/signed") || part.isMimeType("multipart/encrypted")) return false;
                if (!(part.getContent() instanceof Multipart mp)) return false;
                boolean changed = false;
                for (int i = 0; i < mp.getCount(); i++) changed |= apply(mp.getBodyPart(i));
                if (changed) part.setContent(mp);
                return changed;
            }
            if (attachment(part)) return false;
            if (!textSeen && part.isMimeType("text/plain")) {
                textSeen = true;
                return texts.text() != null && append(mail, part, texts.text(), false);
            }
            if (!htmlSeen && part.isMimeType("text/html")) {
                htmlSeen = true;
                String html = texts.html() != null ? texts.html() : texts.text() != null ? toHtml(texts.text()) : null;
                return html != null && append(mail, part, html, true);
            }
            return false;
        }

        private static boolean attachment(Part part) throws MessagingException {
            String[] cd = part.getHeader("Content-Disposition");
            if (cd != null && cd.length > 0 && cd[0].strip().toLowerCase(Locale.ROOT).startsWith(Part.ATTACHMENT)) {
                return true;
            }
            try {
                return part.getFileName() != null;
            } catch (MessagingException | RuntimeException e) {
                return true; // a name we cannot read is still a name
            }
        }
    }

    /** Adds {@code disclaimer} to a text part, in its charset when it has the characters, else UTF-8. */
    static boolean append(Part part, String disclaimer, boolean html) throws MessagingException, IOException {
        if (!(part.getContent() instanceof String body)) return false;
        String eol = body.contains("\n") && !body.contains("\r\n") ? "\n" : "\r\n"; // MIME text is CRLF
        String d = disclaimer.replace("\r\n", "\n").replace("\n", eol);
        String result;
        if (html) {
            int at = closingTag(body, "</body");
            if (at < 0) at = closingTag(body, "</html");
            if (at < 0) at = body.length();
            result = body.substring(0, at) + d + eol + body.substring(at);
        } else {
            String end = body.isEmpty() || body.endsWith("\n") ? "" : eol;
            result = body + end + eol + (d.endsWith(eol) ? d : d + eol);
        }
        ContentType type = new ContentType(part.getContentType());
        String charset = type.getParameter("charset");
        if (!encodable(charset, result)) type.setParameter("charset", "UTF-8");
        else if (charset == null) type.setParameter("charset", "us-ascii");
        part.setContent(result, type.toString());
        return true;
    }

    private static int closingTag(String html, String tag) {
        return html.toLowerCase(Locale.ROOT).lastIndexOf(tag);
    }

    private static boolean encodable(String charset, String text) {
        if (charset == null) return text.chars().allMatch(c -> c < 0x80);
        try {
            return Charset.forName(charset.strip()).newEncoder().canEncode(text);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** A text disclaimer for an HTML body: escaped, one {@code <br>} per line break. */
    static String toHtml(String text) {
        String t = text.replace("\r\n", "\n").strip();
        StringBuilder b = new StringBuilder("<br>\n<div>");
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\n' -> b.append("<br>\n");
                default -> b.append(c);
            }
        }
        return b.append("</div>").toString();
    }

    @Override
    public String getMailetInfo() {
        return "Disclaimer (manual 6.8.5.1): adds disclaimers/<company>.txt/.html or default.txt/.html to sent mail";
    }
}
