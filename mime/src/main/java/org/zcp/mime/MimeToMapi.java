package org.zcp.mime;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.Attachment;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.Recipient;
import org.zcp.mime.HtmlText;
import org.zcp.mime.MimeToMapi;
import org.zcp.mime.TrackedMimeMessage;

/**
 * Internet mail (RFC 5322 / MIME) to a MAPI message: headers to properties, the plain and HTML
 * bodies, recipients, and every other part as an attachment (inline images keep their
 * Content-ID, message/rfc822 parts stay whole). Encoded words (RFC 2047), parameter encodings
 * (RFC 2231) and charsets are decoded; a part that cannot be decoded is kept as an attachment
 * rather than failing the whole message.
 */
public final class MimeToMapi {
    /** The original RFC 822 text, kept for IMAP users (manual 8.7). */
    public static final int PR_EC_IMAP_EMAIL = PropTag.PR_EC_IMAP_EMAIL;
    static final int PR_ATTACHMENT_HIDDEN = 0x7FFE000B;
    static final int ATTACH_BY_VALUE = 1;
    static final int ATTACH_EMBEDDED_MSG = 5;

    private static final Logger LOG = Logger.getLogger(MimeToMapi.class.getName());
    private static final Session MAIL = Session.getInstance(mailProperties());

    /**
     * Angus reads most mail.mime.* switches from system properties only; the leniency they would
     * give is built into this class instead (encoded words inside words, loose parameters).
     */
    private static Properties mailProperties() {
        Properties p = new Properties();
        p.setProperty("mail.mime.allowutf8", "true");
        return p;
    }

    private MimeToMapi() {
    }

    public static TrackedMimeMessage parse(InputStream raw) throws MessagingException {
        return new TrackedMimeMessage(MAIL, raw);
    }

    /** The mail session messages are parsed and built with. */
    public static Session session() {
        return MAIL;
    }

    /** Converts a parsed message; {@code deliveryTime} becomes PR_MESSAGE_DELIVERY_TIME. */
    public static Message convert(MimeMessage mime, long deliveryTime) {
        return convert(mime, null, deliveryTime);
    }

    /**
     * Converts a parsed message whose text as received is {@code raw} (null: written from
     * {@code mime} when needed). The conversion is derived data: when it fails on what the message
     * holds, the message is still kept, as a note with the original text attached, and the failure
     * is logged (security review #21: such a failure made LMTP answer 451 for ever).
     */
    public static Message convert(MimeMessage mime, byte[] raw, long deliveryTime) {
        try {
            return convertParts(mime, deliveryTime);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.WARNING, "message " + header(mime, "Message-ID") + " cannot be converted, kept as"
                    + " an attachment: " + e, e);
            return unconverted(mime, raw, deliveryTime, e);
        }
    }

    /** The stand-in for a message that does not convert: its subject, a note, the text attached whole. */
    static Message unconverted(MimeMessage mime, byte[] raw, long deliveryTime, Throwable why) {
        Message m = new Message();
        m.recipients = new ArrayList<>();
        m.attachments = new ArrayList<>();
        m.props.add(PropValue.ofString(PropTag.PR_MESSAGE_CLASS, "IPM.Note"));
        m.props.add(PropValue.ofLong(PropTag.PR_MESSAGE_DELIVERY_TIME, deliveryTime));
        m.props.add(PropValue.ofLong(PropTag.PR_MESSAGE_FLAGS, 0));
        String subject = null;
        try {
            subject = header(mime, "Subject");
        } catch (RuntimeException e) {
            // not even the header: the note stands alone
        }
        subject = subject == null ? "(message that could not be read)" : oneLine(subject, 255);
        m.props.add(PropValue.ofString(PropTag.PR_SUBJECT, subject));
        m.props.add(PropValue.ofString(PropTag.PR_NORMALIZED_SUBJECT, subject));
        m.props.add(PropValue.ofString(PropTag.PR_BODY, "This message could not be converted ("
                + why.getClass().getSimpleName() + "); the original is attached as it was received."));
        byte[] text = raw;
        if (text == null) {
            try {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                mime.writeTo(out);
                text = out.toByteArray();
            } catch (IOException | MessagingException | RuntimeException e) {
                text = new byte[0];
            }
        }
        Attachment a = new Attachment();
        a.attachNum = 0;
        a.props.add(PropValue.ofString(PropTag.PR_ATTACH_LONG_FILENAME, "original.eml"));
        a.props.add(PropValue.ofString(PropTag.PR_ATTACH_FILENAME, "original.eml"));
        a.props.add(PropValue.ofString(PropTag.PR_ATTACH_MIME_TAG, "message/rfc822"));
        a.props.add(PropValue.ofLong(PropTag.PR_ATTACH_METHOD, ATTACH_BY_VALUE));
        a.data = text;
        m.attachments.add(a);
        return m;
    }

    private static String oneLine(String s, int max) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        return b.toString().strip();
    }

    private static Message convertParts(MimeMessage mime, long deliveryTime) {
        Message m = new Message();
        m.recipients = new ArrayList<>();
        m.attachments = new ArrayList<>();
        List<PropValue> p = m.props;
        p.add(PropValue.ofString(PropTag.PR_MESSAGE_CLASS, "IPM.Note"));
        p.add(PropValue.ofLong(PropTag.PR_MESSAGE_DELIVERY_TIME, deliveryTime));
        p.add(PropValue.ofLong(PropTag.PR_MESSAGE_FLAGS, 0));
        String subject = header(mime, "Subject");
        if (subject != null) {
            subject = decode(subject);
            p.add(PropValue.ofString(PropTag.PR_SUBJECT, subject));
            String prefix = subjectPrefix(subject);
            p.add(PropValue.ofString(PropTag.PR_SUBJECT_PREFIX, prefix));
            p.add(PropValue.ofString(PropTag.PR_NORMALIZED_SUBJECT, subject.substring(prefix.length())));
            p.add(PropValue.ofString(PropTag.PR_CONVERSATION_TOPIC, subject.substring(prefix.length())));
        }
        InternetAddress from = first(addresses(mime, "From"));
        InternetAddress sender = first(addresses(mime, "Sender"));
        if (sender == null) sender = from;
        if (from != null) {
            p.add(PropValue.ofString(PropTag.PR_SENT_REPRESENTING_NAME, displayName(from)));
            p.add(PropValue.ofString(PropTag.PR_SENT_REPRESENTING_EMAIL_ADDRESS, from.getAddress()));
        }
        if (sender != null) {
            p.add(PropValue.ofString(PropTag.PR_SENDER_NAME, displayName(sender)));
            p.add(PropValue.ofString(PropTag.PR_SENDER_EMAIL_ADDRESS, sender.getAddress()));
            p.add(PropValue.ofString(PropTag.PR_SENDER_ADDRTYPE, "SMTP"));
        }
        try {
            if (mime.getSentDate() != null) {
                p.add(PropValue.ofLong(PropTag.PR_CLIENT_SUBMIT_TIME, mime.getSentDate().getTime()));
            }
        } catch (MessagingException ignored) {
            // an unparsable Date header is left out
        }
        String messageId = header(mime, "Message-ID");
        if (messageId != null) p.add(PropValue.ofString(PropTag.PR_INTERNET_MESSAGE_ID, messageId.trim()));
        String inReplyTo = header(mime, "In-Reply-To");
        if (inReplyTo != null) p.add(PropValue.ofString(PropTag.PR_IN_REPLY_TO_ID, inReplyTo.trim()));
        p.add(PropValue.ofLong(PropTag.PR_IMPORTANCE, importance(mime)));
        p.add(PropValue.ofString(PropTag.PR_TRANSPORT_MESSAGE_HEADERS, headerBlock(mime)));

        recipients(m, mime, "To", PropTag.MAPI_TO, PropTag.PR_DISPLAY_TO);
        recipients(m, mime, "Cc", PropTag.MAPI_CC, PropTag.PR_DISPLAY_CC);

        Bodies bodies = new Bodies();
        walk(mime, bodies, m, 0);
        if (bodies.plain != null) p.add(PropValue.ofString(PropTag.PR_BODY, bodies.plain));
        if (bodies.html != null) {
            p.add(PropValue.ofBinary(PropTag.PR_HTML, bodies.html.getBytes(StandardCharsets.UTF_8)));
            if (bodies.plain == null) {
                String text = plainOf(bodies.html);
                if (text != null) p.add(PropValue.ofString(PropTag.PR_BODY, text));
            }
        }
        return m;
    }

    /** PR_BODY of an HTML-only message; null (no PR_BODY, the HTML is kept) when that fails. */
    static String plainOf(String html) {
        try {
            return HtmlText.toText(html);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.WARNING, "no plain text for an HTML body of " + html.length() + " characters: " + e, e);
            return null;
        }
    }

    private static final class Bodies {
        String plain;
        String html;
    }

    private static void walk(Part part, Bodies bodies, Message m, int depth) {
        try {
            String type = baseType(part);
            if (depth > 20) {
                attach(part, m, false);
                return;
            }
            if (type.startsWith("multipart/")) {
                Object content = part.getContent();
                if (content instanceof Multipart mp) {
                    boolean related = type.equals("multipart/related");
                    for (int i = 0; i < mp.getCount(); i++) {
                        BodyPart child = mp.getBodyPart(i);
                        if (related && i > 0) {
                            attach(child, m, true);
                        } else {
                            walk(child, bodies, m, depth + 1);
                        }
                    }
                    return;
                }
            }
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition(part)) || fileName(part) != null;
            if (!attachment && type.equals("text/plain") && bodies.plain == null) {
                bodies.plain = text(part);
            } else if (!attachment && type.equals("text/html") && bodies.html == null) {
                bodies.html = text(part);
            } else {
                attach(part, m, false);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            // broken MIME: keep what the part holds as an attachment, best effort
            try {
                attach(part, m, false);
            } catch (MessagingException | IOException ignored) {
                // nothing recoverable in this part
            }
        }
    }

    private static void attach(Part part, Message m, boolean inline) throws MessagingException, IOException {
        Attachment a = new Attachment();
        a.attachNum = m.attachments.size();
        String type = baseType(part);
        String name = fileName(part);
        if (name != null) name = decode(name);
        if (name == null && type.equals("message/rfc822")) name = "message.eml";
        if (name == null) name = "attachment" + (m.attachments.size() + 1) + extension(type);
        a.props.add(PropValue.ofString(PropTag.PR_ATTACH_LONG_FILENAME, name));
        a.props.add(PropValue.ofString(PropTag.PR_ATTACH_FILENAME, name));
        a.props.add(PropValue.ofString(PropTag.PR_ATTACH_MIME_TAG, type));
        a.props.add(PropValue.ofLong(PropTag.PR_ATTACH_METHOD,
                type.equals("message/rfc822") ? ATTACH_EMBEDDED_MSG : ATTACH_BY_VALUE));
        String[] cid = part.getHeader("Content-ID");
        if (cid != null && cid.length > 0) {
            a.props.add(PropValue.ofString(PropTag.PR_ATTACH_CONTENT_ID, cid[0].replaceAll("^\\s*<|>\\s*$", "")));
            if (inline) a.props.add(PropValue.ofBool(PR_ATTACHMENT_HIDDEN, true));
        }
        try (InputStream in = part.getInputStream()) {
            a.data = in.readAllBytes();
        } catch (IOException | MessagingException e) {
            // undecodable transfer encoding: keep the raw bytes
            if (part instanceof jakarta.mail.internet.MimePart mp) {
                try (InputStream in = rawStream(mp)) {
                    a.data = in.readAllBytes();
                }
            } else {
                a.data = new byte[0];
            }
        }
        m.attachments.add(a);
    }

    /** The disposition, or null when the header cannot be parsed. */
    static String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException e) {
            String[] raw = rawHeader(part, "Content-Disposition");
            if (raw == null) return null;
            String v = raw[0].trim();
            int semi = v.indexOf(';');
            return (semi < 0 ? v : v.substring(0, semi)).trim();
        }
    }

    /**
     * The file name of a part; when the parameters do not parse (unquoted spaces, an unbalanced
     * quote), a loose reading of the raw Content-Disposition / Content-Type headers.
     */
    static String fileName(Part part) {
        try {
            return part.getFileName();
        } catch (MessagingException e) {
            for (String header : new String[] {"Content-Disposition", "Content-Type"}) {
                String[] raw = rawHeader(part, header);
                if (raw == null) continue;
                var m = java.util.regex.Pattern.compile("(?i)(?:file)?name\\*?=\\s*\"?([^\";\\r\\n]+)").matcher(raw[0]);
                if (m.find()) return m.group(1).trim();
            }
            return null;
        }
    }

    private static String[] rawHeader(Part part, String name) {
        try {
            return part.getHeader(name);
        } catch (MessagingException e) {
            return null;
        }
    }

    private static InputStream rawStream(jakarta.mail.internet.MimePart p) throws MessagingException {
        if (p instanceof jakarta.mail.internet.MimeBodyPart b) return b.getRawInputStream();
        if (p instanceof MimeMessage mm) return mm.getRawInputStream();
        return InputStream.nullInputStream();
    }

    /** The text of a part in its declared charset; unknown charsets fall back to UTF-8 or Latin-1. */
    static String text(Part part) throws MessagingException, IOException {
        String cs = null;
        try {
            cs = new ContentType(part.getContentType()).getParameter("charset");
        } catch (MessagingException | RuntimeException ignored) {
            // unparsable Content-Type
        }
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        boolean declared = cs != null && !cs.equalsIgnoreCase("us-ascii");
        if (declared || !has8bit(bytes)) {
            try {
                Object c = part.getContent();
                if (c instanceof String s) return s;
            } catch (IOException | MessagingException e) {
                // fall through to manual decoding
            }
        }
        if (cs != null) {
            try {
                return new String(bytes, Charset.forName(MimeUtility.javaCharset(cs)));
            } catch (RuntimeException ignored) {
                // unknown charset name
            }
        }
        String utf8 = new String(bytes, StandardCharsets.UTF_8);
        return utf8.contains("\uFFFD") ? new String(bytes, StandardCharsets.ISO_8859_1) : utf8;
    }

    private static boolean has8bit(byte[] b) {
        for (byte x : b) if (x < 0) return true;
        return false;
    }

    /**
     * Recipient rows kept per delivered message (To and Cc together). Each is a store object, and
     * a header of 20,000 addresses cost minutes of one core at delivery; the display strings and
     * the kept RFC 822 text still name everybody (issue 9, hostile input).
     */
    static final int MAX_RECIPIENTS = 1000;

    private static void recipients(Message m, MimeMessage mime, String header, int type, int displayTag) {
        List<InternetAddress> list = addresses(mime, header);
        List<String> names = new ArrayList<>();
        for (InternetAddress a : list) {
            String name = displayName(a);
            names.add(name);
            if (m.recipients.size() >= MAX_RECIPIENTS) continue;
            Recipient r = new Recipient();
            r.props.add(PropValue.ofString(PropTag.PR_DISPLAY_NAME, name));
            r.props.add(PropValue.ofString(PropTag.PR_EMAIL_ADDRESS, a.getAddress() == null ? "" : a.getAddress()));
            r.props.add(PropValue.ofString(PropTag.PR_SMTP_ADDRESS, a.getAddress() == null ? "" : a.getAddress()));
            r.props.add(PropValue.ofString(PropTag.PR_ADDRTYPE, "SMTP"));
            r.props.add(PropValue.ofLong(PropTag.PR_RECIPIENT_TYPE, type));
            m.recipients.add(r);
        }
        if (!names.isEmpty()) m.props.add(PropValue.ofString(displayTag, String.join("; ", names)));
    }

    static List<InternetAddress> addresses(MimeMessage mime, String header) {
        List<InternetAddress> out = new ArrayList<>();
        try {
            String[] values = mime.getHeader(header);
            if (values == null) return out;
            for (String v : values) {
                for (Address a : InternetAddress.parseHeader(v, false)) {
                    if (!(a instanceof InternetAddress ia)) continue;
                    if (ia.isGroup()) {
                        // "Team: a@x, b@y;" lists its members; "undisclosed-recipients:;" none
                        try {
                            InternetAddress[] members = ia.getGroup(false);
                            if (members != null) out.addAll(List.of(members));
                        } catch (jakarta.mail.internet.AddressException e) {
                            // an unparsable group is left out
                        }
                    } else {
                        out.add(ia);
                    }
                }
            }
        } catch (MessagingException e) {
            // unparsable address list: left out, the header block still has it
        }
        return out;
    }

    private static InternetAddress first(List<InternetAddress> l) {
        return l.isEmpty() ? null : l.get(0);
    }

    private static String displayName(InternetAddress a) {
        String personal = a.getPersonal();
        if (personal != null && !personal.isBlank()) return personal;
        return a.getAddress() == null ? "" : a.getAddress();
    }

    static String header(MimeMessage mime, String name) {
        try {
            String[] v = mime.getHeader(name);
            return v == null || v.length == 0 ? null : MimeUtility.unfold(v[0]);
        } catch (MessagingException e) {
            return null;
        }
    }

    private static final java.util.regex.Pattern ENCODED_WORD =
            java.util.regex.Pattern.compile("=\\?[^?\\s]+\\?[QqBb]\\?[^?\\s]*\\?=");

    /**
     * RFC 2047 decoding that also accepts encoded words inside words ("M=?UTF-8?Q?=C3=A4?=rz"),
     * as real mail has them; whitespace between adjacent encoded words is dropped (RFC 2047 6.2).
     */
    static String decode(String s) {
        if (s == null || !s.contains("=?")) return s;
        var m = ENCODED_WORD.matcher(s);
        StringBuilder out = new StringBuilder();
        int last = 0;
        boolean previousWasWord = false;
        while (m.find()) {
            String between = s.substring(last, m.start());
            if (!(previousWasWord && between.isBlank())) out.append(between);
            try {
                out.append(MimeUtility.decodeWord(m.group()));
            } catch (java.io.UnsupportedEncodingException | jakarta.mail.internet.ParseException | RuntimeException e) {
                out.append(m.group());
            }
            last = m.end();
            previousWasWord = true;
        }
        out.append(s.substring(last));
        return out.toString();
    }

    static String subjectPrefix(String subject) {
        var m = java.util.regex.Pattern.compile("^((?:re|fw|fwd|aw|wg|antw|sv|vs)\\s*:\\s*)", 
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(subject);
        return m.find() ? m.group(1) : "";
    }

    /** Importance / X-Priority to PR_IMPORTANCE: 0 low, 1 normal, 2 high. */
    static long importance(MimeMessage mime) {
        String imp = header(mime, "Importance");
        if (imp != null) {
            String v = imp.trim().toLowerCase(Locale.ROOT);
            if (v.startsWith("high")) return 2;
            if (v.startsWith("low")) return 0;
        }
        String prio = header(mime, "X-Priority");
        if (prio != null && !prio.isBlank()) {
            char c = prio.trim().charAt(0);
            if (c == '1' || c == '2') return 2;
            if (c == '4' || c == '5') return 0;
        }
        return 1;
    }

    static String headerBlock(MimeMessage mime) {
        StringBuilder sb = new StringBuilder();
        try {
            Enumeration<String> lines = mime.getAllHeaderLines();
            while (lines.hasMoreElements()) sb.append(lines.nextElement()).append("\r\n");
        } catch (MessagingException ignored) {
            // headers already parsed; nothing else to add
        }
        return sb.toString();
    }

    static String baseType(Part part) {
        try {
            String ct = part.getContentType();
            if (ct == null) return "text/plain";
            return new ContentType(ct).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            return "application/octet-stream";
        }
    }

    private static String extension(String type) {
        return switch (type) {
            case "text/plain" -> ".txt";
            case "text/html" -> ".html";
            case "text/calendar" -> ".ics";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "image/bmp" -> ".bmp";
            case "application/pdf" -> ".pdf";
            default -> ".bin";
        };
    }
}
