package org.zcp.mime;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.List;

/**
 * iMIP (RFC 6047): an iTIP message as mail. A text for people and the iTIP object as a
 * text/calendar alternative with its METHOD as the method parameter (2.4), UTF-8 in 8 bits
 * (iCalendar lines are short and folded, RFC 5545 3.1), as Outlook, Google and Thunderbird read it.
 */
public final class Imip {
    private Imip() {
    }

    /**
     * The mail of a scheduling message from {@code from} to {@code to}.
     *
     * @param method the iTIP METHOD of {@code calendar} (REQUEST, REPLY, CANCEL)
     * @param text what the mail says to a person reading it without a calendar client
     */
    public static MimeMessage message(String from, String fromName, List<String> to, String subject, String text,
            String method, String calendar) throws MessagingException {
        MimeMessage m = new MimeMessage(MimeToMapi.session());
        try {
            m.setFrom(fromName == null || fromName.isBlank() ? new InternetAddress(from)
                    : new InternetAddress(from, fromName, "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            m.setFrom(new InternetAddress(from));
        }
        InternetAddress[] rcpt = new InternetAddress[to.size()];
        for (int i = 0; i < rcpt.length; i++) rcpt[i] = new InternetAddress(to.get(i));
        m.setRecipients(RecipientType.TO, rcpt);
        m.setSubject(subject, "UTF-8");
        m.setSentDate(new Date());
        MimeMultipart alt = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        alt.addBodyPart(plain);
        MimeBodyPart cal = new MimeBodyPart();
        cal.setContent(calendar, "text/calendar; charset=UTF-8; method=" + method);
        cal.setHeader("Content-Transfer-Encoding", "8bit");
        alt.addBodyPart(cal);
        m.setContent(alt);
        m.saveChanges();
        return m;
    }
}
