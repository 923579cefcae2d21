package org.zcp.plugin;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.apache.mailet.Mail;

/** How a mailet (a plugin) that changed a message hands it on. */
public final class MailChanges {
    /** As the store's own (MimeToMapi.session()): UTF-8 in headers is written as it is (RFC 6532). */
    private static final Session MAIL = Session.getInstance(utf8());

    private MailChanges() {
    }

    private static Properties utf8() {
        Properties p = new Properties();
        p.setProperty("mail.mime.allowutf8", "true");
        return p;
    }

    /**
     * Saves the changes of {@code mail}'s message and keeps its Message-ID. A single-part message
     * is replaced by a copy Jakarta Mail writes: James 3.9 cuts the end of a re-encoded single-part
     * body when it writes its own wrapper (MimeMessageUtil.writeMessageBodyTo does not flush the
     * base64 or quoted-printable encoder), while a copy written by Jakarta Mail is kept byte for byte.
     */
    public static void save(Mail mail) throws MessagingException {
        MimeMessage message = mail.getMessage();
        String[] id = message.getHeader("Message-ID");
        if (!message.isMimeType("multipart/*")) {
            MimeMessage copy = new MimeMessage(MAIL) {
                @Override
                protected void updateMessageID() {
                    // the Message-ID stays as it came
                }
            };
            copy.setDataHandler(message.getDataHandler());
            for (var headers = message.getAllHeaders(); headers.hasMoreElements();) {
                var h = headers.nextElement();
                copy.addHeader(h.getName(), h.getValue());
            }
            copy.saveChanges();
            mail.setMessage(copy);
            message = mail.getMessage();
        }
        message.saveChanges();
        String[] now = message.getHeader("Message-ID");
        if (id != null && id.length > 0 && (now == null || !now[0].equals(id[0]))) {
            message.setHeader("Message-ID", id[0]);
        }
    }
}
