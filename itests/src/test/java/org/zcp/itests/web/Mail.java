package org.zcp.itests.web;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.imageio.ImageIO;

/**
 * Mail for the web client's tests: MIME made by hand, delivered over LMTP (lmtp_port, as an MTA
 * does), and what the IMAP gateway (lmtp_port + 140) says of a message's flags afterwards.
 */
final class Mail {
    static final int LMTP = Integer.getInteger("zcp.itest.lmtpport", 12003);
    static final int IMAP = LMTP + 140;
    static final String SENDER = "sender@remote.example";
    static final String SENDER_NAME = "Remote Sender";

    private Mail() {
    }

    /** The common headers of a test mail from {@link #SENDER}; {@code contentType} ends the header. */
    static String headers(String to, String subject, String contentType) {
        return "From: " + SENDER_NAME + " <" + SENDER + ">\r\nTo: " + to + "\r\nSubject: " + subject
                + "\r\nDate: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now())
                + "\r\nMessage-ID: <" + UUID.randomUUID() + "@remote.example>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: " + contentType + "\r\n";
    }

    static String plain(String to, String subject, String text) {
        return headers(to, subject, "text/plain; charset=utf-8") + "Content-Transfer-Encoding: 8bit\r\n\r\n"
                + text + "\r\n";
    }

    static String html(String to, String subject, String html) {
        return headers(to, subject, "text/html; charset=utf-8") + "Content-Transfer-Encoding: 8bit\r\n\r\n"
                + html + "\r\n";
    }

    /**
     * multipart/mixed: a multipart/related HTML part whose {@code <img src="cid:...">} is the PNG
     * beside it, and a PDF attachment.
     */
    static String relatedWithPdf(String to, String subject, String html, String contentId, byte[] png,
            String pdfName, byte[] pdf) {
        return headers(to, subject, "multipart/mixed; boundary=\"mixed-7a1\"") + "\r\n"
                + "This is a multi-part message in MIME format.\r\n"
                + "--mixed-7a1\r\n"
                + "Content-Type: multipart/related; boundary=\"related-7a1\"; type=\"text/html\"\r\n\r\n"
                + "--related-7a1\r\n"
                + "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + html + "\r\n"
                + "--related-7a1\r\n"
                + "Content-Type: image/png; name=\"logo.png\"\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-ID: <" + contentId + ">\r\nContent-Disposition: inline; filename=\"logo.png\"\r\n\r\n"
                + base64(png)
                + "--related-7a1--\r\n"
                + "--mixed-7a1\r\n"
                + "Content-Type: application/pdf; name=\"" + pdfName + "\"\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"" + pdfName + "\"\r\n\r\n"
                + base64(pdf)
                + "--mixed-7a1--\r\n";
    }

    static String base64(byte[] data) {
        return Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(data) + "\r\n";
    }

    /** A small PNG (24x16, two colours). */
    static byte[] png() {
        BufferedImage img = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 24; x++) {
            for (int y = 0; y < 16; y++) img.setRGB(x, y, (x < 12 ? new Color(0x1f, 0x6f, 0xb5) : Color.ORANGE).getRGB());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A minimal one-page PDF whose text is {@code text}. */
    static byte[] pdf(String text) {
        String stream = "BT /F1 18 Tf 72 720 Td (" + text + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int o : offsets) pdf.append(String.format("%010d 00000 n \n", o));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Delivers {@code raw} to {@code to} over LMTP; fails unless the server answers 250 for it. */
    static void deliver(String to, String raw) throws IOException {
        try (Socket s = new Socket("127.0.0.1", LMTP)) {
            s.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            expect(in, "220");
            command(out, in, "LHLO itest.web", "250");
            command(out, in, "MAIL FROM:<" + SENDER + ">", "250");
            command(out, in, "RCPT TO:<" + to + ">", "250");
            command(out, in, "DATA", "354");
            StringBuilder data = new StringBuilder();
            for (String line : raw.replace("\r\n", "\n").split("\n", -1)) {
                data.append(line.startsWith(".") ? "." + line : line).append("\r\n");
            }
            out.write(data.append(".\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            expect(in, "250");
            command(out, in, "QUIT", "221");
        }
    }

    private static void command(OutputStream out, BufferedReader in, String cmd, String code) throws IOException {
        out.write((cmd + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        expect(in, code);
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) throw new AssertionError("LMTP: connection closed, expected " + code);
            if (!line.startsWith(code)) throw new AssertionError("LMTP: expected " + code + " but got " + line);
        } while (line.length() > 3 && line.charAt(3) == '-');
    }

    /** The IMAP flags of the INBOX message with this subject (the user needs the imap feature). */
    static Flags imapFlags(String login, String password, String subject) throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.imap.connectiontimeout", "10000");
        p.setProperty("mail.imap.timeout", "20000");
        Store store = Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", IMAP, login, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                for (Message m : inbox.getMessages()) {
                    if (subject.equals(m.getSubject())) return m.getFlags();
                }
                throw new AssertionError("no message \"" + subject + "\" in the INBOX over IMAP");
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    /** Waits (up to 20 s, asking again every 200 ms) until the INBOX message's IMAP flags match. */
    static Flags awaitImapFlags(String login, String password, String subject, Predicate<Flags> match, String what)
            throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Flags flags = imapFlags(login, password, subject);
        while (!match.test(flags)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("over IMAP \"" + subject + "\" never got " + what + "; its flags: "
                        + java.util.Arrays.toString(flags.getSystemFlags()));
            }
            Thread.sleep(200);
            flags = imapFlags(login, password, subject);
        }
        return flags;
    }
}
