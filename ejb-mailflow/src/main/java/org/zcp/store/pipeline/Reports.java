package org.zcp.store.pipeline;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.zcp.mime.MimeToMapi;

/**
 * Delivery status reports (RFC 3464): the "Undeliverable" message the spooler puts in the
 * sender's Inbox (manual 4.9), and bounces requested by mailets. A text part people read, the
 * machine-readable status, and the original message attached.
 */
public final class Reports {
    private Reports() {
    }

    /**
     * An Undeliverable report: {@code failures} maps each recipient that did not get the message
     * to the reason (the SMTP server's answer, or ours).
     */
    public static MimeMessage undeliverable(byte[] original, String originalSubject, Map<String, String> failures,
            String postmaster, String reportingHost) throws MessagingException {
        StringBuilder text = new StringBuilder();
        text.append("Your message did not reach some or all of the intended recipients.\r\n\r\n");
        text.append("      Subject:  ").append(originalSubject == null ? "" : originalSubject).append("\r\n");
        text.append("      Sent:     ").append(new Date()).append("\r\n\r\n");
        text.append("The following recipient(s) could not be reached:\r\n\r\n");
        StringBuilder status = new StringBuilder();
        status.append("Reporting-MTA: dns; ").append(reportingHost).append("\r\n\r\n");
        for (Map.Entry<String, String> f : failures.entrySet()) {
            text.append("      ").append(f.getKey()).append("\r\n");
            text.append("            ").append(f.getValue()).append("\r\n\r\n");
            status.append("Final-Recipient: rfc822; ").append(f.getKey()).append("\r\n");
            status.append("Action: failed\r\n");
            status.append("Status: ").append(statusCode(f.getValue())).append("\r\n");
            status.append("Diagnostic-Code: smtp; ").append(f.getValue().replaceAll("[\\r\\n]+", " ")).append("\r\n\r\n");
        }
        return report("Undeliverable: " + (originalSubject == null ? "" : originalSubject), text.toString(),
                status.toString(), original, postmaster);
    }

    /** A bounce for a mailet (MailetContext.bounce). */
    static MimeMessage bounce(Mail mail, String reason, MailAddress bouncer) throws MessagingException {
        Map<String, String> failures = new LinkedHashMap<>();
        for (MailAddress r : mail.getRecipients()) failures.put(r.asString(), reason);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            mail.getMessage().writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("cannot read the message to bounce", e);
        }
        return undeliverable(out.toByteArray(), mail.getMessage().getSubject(), failures, bouncer.asString(),
                bouncer.getDomain().asString());
    }

    private static MimeMessage report(String subject, String text, String status, byte[] original, String postmaster)
            throws MessagingException {
        MimeMessage m = new MimeMessage(MimeToMapi.session());
        try {
            m.setFrom(new InternetAddress(postmaster, "Mail Delivery System", "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            m.setFrom(new InternetAddress(postmaster));
        }
        m.setSubject(subject, "UTF-8");
        m.setSentDate(new Date());
        m.setHeader("Auto-Submitted", "auto-replied");
        MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
        MimeBodyPart readable = new MimeBodyPart();
        readable.setText(text, "UTF-8");
        report.addBodyPart(readable);
        MimeBodyPart machine = new MimeBodyPart();
        machine.setDataHandler(new DataHandler(new ByteArrayDataSource(status.getBytes(
                java.nio.charset.StandardCharsets.US_ASCII), "message/delivery-status")));
        machine.setHeader("Content-Type", "message/delivery-status");
        report.addBodyPart(machine);
        if (original != null) {
            MimeBodyPart attached = new MimeBodyPart();
            attached.setDataHandler(new DataHandler(new ByteArrayDataSource(original, "message/rfc822")));
            attached.setHeader("Content-Type", "message/rfc822");
            attached.setDisposition("attachment");
            report.addBodyPart(attached);
        }
        m.setContent(report);
        m.saveChanges();
        return m;
    }

    /** The enhanced status code at the start of a reason ("550 5.1.1 ..."), else a generic one. */
    static String statusCode(String reason) {
        var m = java.util.regex.Pattern.compile("\\b([245]\\.\\d{1,3}\\.\\d{1,3})\\b").matcher(reason);
        if (m.find()) return m.group(1);
        return reason.startsWith("4") ? "4.0.0" : "5.0.0";
    }

    /** The failures as lines for the log. */
    public static List<String> lines(Map<String, String> failures) {
        List<String> out = new ArrayList<>();
        failures.forEach((k, v) -> out.add(k + ": " + v));
        return out;
    }
}
