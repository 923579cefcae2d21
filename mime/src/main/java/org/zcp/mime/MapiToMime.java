package org.zcp.mime;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParameterList;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.IntFunction;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.mapi.PropType;
import org.zcp.store.api.mapi.Attachment;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.Recipient;
import org.zcp.mime.HtmlText;
import org.zcp.mime.MapiToMime;
import org.zcp.mime.MimeToMapi;

/**
 * A MAPI message (as submitted from an Outbox) to Internet mail (RFC 5322 / MIME) for the
 * spooler: the inverse of {@link MimeToMapi}. Headers come from the message properties and the
 * recipient table, the body from PR_BODY / PR_HTML, attachments become MIME parts:
 *
 * <pre>
 * multipart/mixed                       (only when there are regular attachments)
 *   multipart/alternative               (only when there is an HTML body)
 *     text/plain; charset=utf-8
 *     multipart/related; type="text/html"   (only when there are inline images)
 *       text/html; charset=utf-8
 *       image/...   Content-ID, Content-Disposition: inline
 *   application/... Content-Disposition: attachment (RFC 2231 file names)
 *   message/rfc822  (embedded messages, the stored bytes unmodified)
 * </pre>
 *
 * Header values are RFC 2047 encoded (UTF-8) when they are not ASCII; no header carries raw
 * 8-bit text, so the result needs no SMTPUTF8. Bcc recipients never appear in the headers unless
 * {@link Options#includeBcc()} asks for them; {@link #envelopeRecipients(Message)} lists them all.
 */
public final class MapiToMime {
    public static final String X_MAILER = "Zarafa 7.1 (ZCP/Java)";

    static final int PR_ATTACHMENT_HIDDEN = MimeToMapi.PR_ATTACHMENT_HIDDEN;
    static final int ATTACH_BY_VALUE = MimeToMapi.ATTACH_BY_VALUE;
    static final int ATTACH_EMBEDDED_MSG = MimeToMapi.ATTACH_EMBEDDED_MSG;
    /** PR_INTERNET_REFERENCES: the References header of a reply, when a client stored it. */
    static final int PR_INTERNET_REFERENCES = 0x1039001F;
    /** PR_DISPLAY_NAME on an attachment: the name a client shows when there is no file name. */
    private static final int PR_ATTACH_DISPLAY_NAME = PropTag.PR_DISPLAY_NAME;
    /** Recipient-type flags: already submitted, and P1 (envelope-only, resend) recipients. */
    private static final long MAPI_SUBMITTED = 0x80000000L;
    private static final long MAPI_P1 = 0x10000000L;

    private static final String UTF8 = "utf-8";

    /**
     * Like {@link MimeToMapi}'s session. Angus reads mail.mime.encodeparameters from the system
     * properties only (default true); it is set here to document the intent, and file names are
     * given their charset explicitly (ParameterList.set(name, value, "utf-8")) so RFC 2231 encoding
     * does not depend on the platform charset. mail.mime.allowutf8 stays off: the headers of a
     * message for SMTP are ASCII.
     */
    private static final Session MAIL = Session.getInstance(mailProperties());

    private static Properties mailProperties() {
        Properties p = new Properties();
        p.setProperty("mail.mime.encodeparameters", "true");
        return p;
    }

    /**
     * Who the message is from: From is (fromName, fromAddress); a different senderAddress (sending
     * on behalf of someone) adds a Sender header (RFC 5322 3.6.2). Any field may be null.
     */
    public record Sender(String fromName, String fromAddress, String senderName, String senderAddress) {
        /** A user sending as themself. */
        public static Sender of(String name, String address) {
            return new Sender(name, address, name, address);
        }
    }

    /**
     * @param messageIdDomain right-hand side of generated Message-IDs (null: the From domain)
     * @param includeBcc whether Bcc recipients are written as a header (never for SMTP)
     * @param attachmentData loads the content of an attachment (by attachNum) whose
     *        {@link Attachment#data} is null; may be null
     */
    public record Options(String messageIdDomain, boolean includeBcc, IntFunction<byte[]> attachmentData) {
        /** Options for SMTP submission: no Bcc header. */
        public static Options smtp(String messageIdDomain, IntFunction<byte[]> attachmentData) {
            return new Options(messageIdDomain, false, attachmentData);
        }
    }

    private MapiToMime() {
    }

    /** Builds the MIME message; its headers are final ({@code saveChanges()} has run). */
    public static MimeMessage convert(Message m, Sender sender, Options options) {
        if (options == null) options = new Options(null, false, null);
        List<PropValue> props = m.props == null ? List.of() : m.props;
        OutgoingMessage mime = new OutgoingMessage();
        try {
            InternetAddress from = from(props, sender);
            if (from != null) mime.setFrom(from);
            InternetAddress onBehalf = onBehalf(sender, from);
            if (onBehalf != null) mime.setSender(onBehalf);

            List<InternetAddress> to = new ArrayList<>();
            List<InternetAddress> cc = new ArrayList<>();
            List<InternetAddress> bcc = new ArrayList<>();
            for (Recipient r : nonNull(m.recipients)) {
                long type = recipientType(r);
                if ((type & MAPI_P1) != 0) continue; // envelope only
                InternetAddress a = recipientAddress(r);
                if (a == null) continue;
                switch ((int) (type & 0xFFFF)) {
                    case PropTag.MAPI_CC -> cc.add(a);
                    case PropTag.MAPI_BCC -> bcc.add(a);
                    default -> to.add(a);
                }
            }
            if (!to.isEmpty()) mime.setRecipients(jakarta.mail.Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
            if (!cc.isEmpty()) mime.setRecipients(jakarta.mail.Message.RecipientType.CC, cc.toArray(InternetAddress[]::new));
            if (options.includeBcc() && !bcc.isEmpty()) {
                mime.setRecipients(jakarta.mail.Message.RecipientType.BCC, bcc.toArray(InternetAddress[]::new));
            }

            String subject = string(props, PropTag.PR_SUBJECT);
            if (subject != null) mime.setSubject(oneLine(subject), UTF8);
            Long submitted = number(props, PropTag.PR_CLIENT_SUBMIT_TIME);
            mime.setSentDate(new Date(submitted != null ? submitted : System.currentTimeMillis()));

            String messageId = messageId(string(props, PropTag.PR_INTERNET_MESSAGE_ID));
            if (messageId == null) messageId = generateMessageId(options.messageIdDomain(), from);
            mime.setHeader("Message-ID", messageId);
            String inReplyTo = messageIds(string(props, PropTag.PR_IN_REPLY_TO_ID));
            if (inReplyTo != null) mime.setHeader("In-Reply-To", MimeUtility.fold(13, inReplyTo));
            String references = messageIds(string(props, PR_INTERNET_REFERENCES));
            if (references != null) mime.setHeader("References", MimeUtility.fold(12, references));

            Long importance = number(props, PropTag.PR_IMPORTANCE);
            if (importance != null && importance == 0) {
                mime.setHeader("Importance", "low");
                mime.setHeader("X-Priority", "5");
            } else if (importance != null && importance == 2) {
                mime.setHeader("Importance", "high");
                mime.setHeader("X-Priority", "1");
            }
            mime.setHeader("X-Mailer", X_MAILER);

            body(mime, m, props, options);
            mime.setHeader("MIME-Version", "1.0");
            mime.saveChanges();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the MIME message: " + e.getMessage(), e);
        }
        return mime;
    }

    /**
     * The SMTP envelope recipients (RCPT TO): every recipient with an Internet address, Bcc
     * included, first occurrence kept when an address (compared case-insensitively) repeats.
     */
    public static List<String> envelopeRecipients(Message m) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (Recipient r : nonNull(m.recipients)) {
            InternetAddress a = recipientAddress(r);
            if (a != null) seen.putIfAbsent(a.getAddress().toLowerCase(Locale.ROOT), a.getAddress());
        }
        return List.copyOf(seen.values());
    }

    /** The message as transmitted: every line ending CRLF (RFC 5322 2.3). */
    public static byte[] toBytes(MimeMessage mime) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream crlf = new CrlfOutputStream(out)) {
            mime.writeTo(crlf);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("cannot write the MIME message: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- addresses

    /**
     * From: the Sender record when there is one (the spooler's decision from the directory; never
     * what the client stored, security review #17), else, for a stored message shown over IMAP or
     * POP3, its PR_SENT_REPRESENTING / PR_SENDER properties.
     */
    private static InternetAddress from(List<PropValue> props, Sender sender) {
        if (sender != null) {
            InternetAddress a = address(sender.fromAddress(), sender.fromName());
            return a != null ? a : address(sender.senderAddress(), sender.senderName());
        }
        InternetAddress a = address(string(props, PropTag.PR_SENT_REPRESENTING_EMAIL_ADDRESS),
                string(props, PropTag.PR_SENT_REPRESENTING_NAME));
        if (a == null) a = address(string(props, PropTag.PR_SENDER_EMAIL_ADDRESS), string(props, PropTag.PR_SENDER_NAME));
        return a;
    }

    private static InternetAddress onBehalf(Sender sender, InternetAddress from) {
        if (sender == null || sender.senderAddress() == null || from == null) return null;
        InternetAddress s = address(sender.senderAddress(), sender.senderName());
        if (s == null || s.getAddress().equalsIgnoreCase(from.getAddress())) return null;
        return s;
    }

    private static long recipientType(Recipient r) {
        Long t = number(r.props, PropTag.PR_RECIPIENT_TYPE);
        return t == null ? PropTag.MAPI_TO : t & 0xFFFFFFFFL & ~MAPI_SUBMITTED;
    }

    /**
     * PR_SMTP_ADDRESS, else PR_EMAIL_ADDRESS when PR_ADDRTYPE is SMTP (or absent) and it looks like
     * an Internet address; with PR_DISPLAY_NAME as the phrase. Null when there is no valid address.
     */
    static InternetAddress recipientAddress(Recipient r) {
        List<PropValue> p = r.props == null ? List.of() : r.props;
        String smtp = string(p, PropTag.PR_SMTP_ADDRESS);
        if (smtp == null || smtp.isBlank()) {
            String type = string(p, PropTag.PR_ADDRTYPE);
            String email = string(p, PropTag.PR_EMAIL_ADDRESS);
            boolean internet = type == null || type.isBlank() || type.trim().equalsIgnoreCase("SMTP");
            smtp = internet && email != null && email.contains("@") ? email : null;
        }
        return address(smtp, string(p, PropTag.PR_DISPLAY_NAME));
    }

    /** An address with its display name (encoded when not ASCII); null when it is not valid. */
    static InternetAddress address(String address, String name) {
        if (address == null) return null;
        String addr = address.strip();
        if (addr.startsWith("<") && addr.endsWith(">")) addr = addr.substring(1, addr.length() - 1).strip();
        if (addr.isEmpty() || !addr.contains("@")) return null;
        try {
            InternetAddress parsed = new InternetAddress(addr, true);
            parsed.validate();
            addr = parsed.getAddress();
        } catch (AddressException e) {
            return null;
        }
        String personal = name == null ? null : oneLine(name).strip();
        if (personal != null && (personal.isEmpty() || personal.equalsIgnoreCase(addr))) personal = null;
        try {
            return new InternetAddress(addr, personal, UTF8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- message ids

    /** A single Message-ID in angle brackets, or null. */
    private static String messageId(String id) {
        if (id == null) return null;
        String s = id.replaceAll("\\s+", "");
        if (s.isEmpty()) return null;
        if (!s.startsWith("<")) s = "<" + s;
        if (!s.endsWith(">")) s = s + ">";
        return s;
    }

    /** One or more Message-IDs (In-Reply-To, References), each in angle brackets, or null. */
    private static String messageIds(String ids) {
        if (ids == null || ids.isBlank()) return null;
        List<String> out = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("<[^<>\\s]+>").matcher(ids);
        while (m.find()) out.add(m.group());
        if (out.isEmpty()) {
            for (String token : ids.trim().split("[\\s,]+")) {
                if (!token.isEmpty()) out.add(messageId(token));
            }
        }
        return out.isEmpty() ? null : String.join(" ", out);
    }

    private static String generateMessageId(String domain, InternetAddress from) {
        String right = domain == null ? "" : domain.strip();
        if (right.isEmpty() && from != null) right = from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1);
        if (right.isEmpty()) right = "localhost";
        String left = UUID.randomUUID().toString().replace("-", "") + "." + Long.toString(System.currentTimeMillis(), 36);
        return "<" + left + "@" + right + ">";
    }

    // ---------------------------------------------------------------- body

    private static void body(MimeMessage mime, Message m, List<PropValue> props, Options options)
            throws MessagingException {
        String html = html(props);
        String plain = string(props, PropTag.PR_BODY);
        if (html != null && (plain == null || plain.isBlank())) plain = HtmlText.toText(html);
        if (plain == null) plain = "";

        List<Attachment> inline = new ArrayList<>();
        List<Attachment> regular = new ArrayList<>();
        for (Attachment a : nonNull(m.attachments)) {
            if (a == null || isException(a)) continue; // a changed occurrence of a series, not a file
            if (html != null && isInline(a)) {
                inline.add(a);
            } else {
                regular.add(a);
            }
        }

        // the body: text, or alternative(text, html | related(html, images))
        MimeBodyPart text = new MimeBodyPart();
        text.setText(crlf(plain), UTF8);
        MimeMultipart body = null;
        if (html != null) {
            MimeBodyPart htmlPart = new MimeBodyPart();
            htmlPart.setText(crlf(html), UTF8, "html");
            MimeBodyPart richPart = htmlPart;
            if (!inline.isEmpty()) {
                MimeMultipart related = multipart("related", "text/html");
                related.addBodyPart(htmlPart);
                for (Attachment a : inline) {
                    MimeBodyPart part = attachmentPart(a, options, true);
                    if (part != null) related.addBodyPart(part);
                }
                richPart = new MimeBodyPart();
                richPart.setContent(related);
            }
            body = multipart("alternative", null);
            body.addBodyPart(text);
            body.addBodyPart(richPart);
        }

        List<MimeBodyPart> attachments = new ArrayList<>();
        for (Attachment a : regular) {
            MimeBodyPart part = attachmentPart(a, options, false);
            if (part != null) attachments.add(part);
        }
        if (attachments.isEmpty()) {
            if (body == null) {
                mime.setText(crlf(plain), UTF8);
            } else {
                mime.setContent(body);
            }
            return;
        }
        MimeMultipart mixed = multipart("mixed", null);
        if (body == null) {
            mixed.addBodyPart(text);
        } else {
            MimeBodyPart bodyPart = new MimeBodyPart();
            bodyPart.setContent(body);
            mixed.addBodyPart(bodyPart);
        }
        for (MimeBodyPart part : attachments) mixed.addBodyPart(part);
        mime.setContent(mixed);
    }

    /** PR_HTML as UTF-8 (or a string-typed PR_HTML); null when absent or empty. */
    private static String html(List<PropValue> props) {
        int id = PropType.id(PropTag.PR_HTML);
        for (PropValue p : props) {
            if (p == null || p.error != null || PropType.id(p.tag) != id) continue;
            String s = p.bin != null ? new String(p.bin, StandardCharsets.UTF_8) : p.s;
            if (s == null) continue;
            if (s.startsWith("\uFEFF")) s = s.substring(1);
            return s.isBlank() ? null : s;
        }
        return null;
    }

    private static boolean isInline(Attachment a) {
        String cid = string(a.props, PropTag.PR_ATTACH_CONTENT_ID);
        PropValue hidden = find(a.props, PR_ATTACHMENT_HIDDEN);
        return cid != null && !cid.isBlank() && hidden != null && Boolean.TRUE.equals(hidden.b)
                && method(a) != ATTACH_EMBEDDED_MSG;
    }

    /** PidTagAttachmentFlags afException: the attachment holds a changed occurrence ([MS-OXOCAL] 2.2.10.1.1). */
    private static boolean isException(Attachment a) {
        Long flags = number(a.props, PR_ATTACHMENT_FLAGS);
        return flags != null && (flags & AF_EXCEPTION) != 0;
    }

    static final int PR_ATTACHMENT_FLAGS = 0x37140003;
    static final int AF_EXCEPTION = 0x2;

    private static long method(Attachment a) {
        Long method = number(a.props, PropTag.PR_ATTACH_METHOD);
        return method == null ? ATTACH_BY_VALUE : method;
    }

    /** A MIME part for an attachment; null for an embedded message without content. */
    private static MimeBodyPart attachmentPart(Attachment a, Options options, boolean inline) throws MessagingException {
        byte[] data = data(a, options);
        String name = fileName(a);
        String type = contentType(a, name);
        boolean message = method(a) == ATTACH_EMBEDDED_MSG || type.startsWith("message/rfc822");
        MimeBodyPart part = new MimeBodyPart();
        if (message) {
            // RFC 2046 5.2.1: no encoding but 7bit, 8bit or binary; the stored message as it is,
            // or the message a MAPI client embedded, written as MIME in turn (its own content only)
            if (data.length == 0 && a.embedded != null) {
                data = toBytes(convert(a.embedded, null, new Options(options.messageIdDomain(), true, null)));
            }
            if (data.length == 0) return null;
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(data, "message/rfc822")));
            part.setHeader("Content-Type", "message/rfc822");
            part.setHeader("Content-Transfer-Encoding", has8bit(data) ? "8bit" : "7bit");
        } else {
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(data, type)));
            part.setHeader("Content-Type", withParameter(type, "name", name));
            part.setHeader("Content-Transfer-Encoding", transferEncoding(type, data));
        }
        ParameterList dispositionParams = new ParameterList();
        if (name != null) dispositionParams.set("filename", name, UTF8);
        ContentDisposition disposition = new ContentDisposition(inline ? Part.INLINE : Part.ATTACHMENT, dispositionParams);
        part.setHeader("Content-Disposition", MimeUtility.fold(21, disposition.toString()));
        if (inline) {
            String cid = string(a.props, PropTag.PR_ATTACH_CONTENT_ID).replaceAll("[\\s<>]", "");
            part.setHeader("Content-ID", "<" + cid + ">");
        }
        return part;
    }

    private static byte[] data(Attachment a, Options options) {
        if (a.data != null) return a.data;
        byte[] stored = binary(a.props, PropTag.PR_ATTACH_DATA_BIN);
        if (stored != null) return stored;
        if (options.attachmentData() != null) {
            byte[] loaded = options.attachmentData().apply(a.attachNum);
            if (loaded != null) return loaded;
        }
        return new byte[0];
    }

    private static String fileName(Attachment a) {
        for (int tag : new int[] {PropTag.PR_ATTACH_LONG_FILENAME, PropTag.PR_ATTACH_FILENAME, PR_ATTACH_DISPLAY_NAME}) {
            String s = string(a.props, tag);
            if (s != null) {
                s = oneLine(s).strip();
                if (!s.isEmpty()) return s;
            }
        }
        return null;
    }

    /**
     * PR_ATTACH_MIME_TAG when it parses, else a type for the file name's extension. A multipart
     * type becomes application/octet-stream: such an attachment holds a multipart that did not
     * parse when it arrived (no boundary, say), and as a multipart it would fail again here, for
     * every IMAP fetch and every send (hostile-mime corpus, multipart-without-boundary.eml).
     */
    static String contentType(Attachment a, String name) {
        if (method(a) == ATTACH_EMBEDDED_MSG) return "message/rfc822";
        String tag = string(a.props, PropTag.PR_ATTACH_MIME_TAG);
        if (tag != null && !tag.isBlank()) {
            try {
                ContentType ct = new ContentType(oneLine(tag).strip());
                if (!ct.getPrimaryType().isEmpty() && !ct.getSubType().isEmpty()) {
                    String base = ct.getBaseType().toLowerCase(Locale.ROOT);
                    return base.startsWith("multipart/") ? "application/octet-stream" : base;
                }
            } catch (jakarta.mail.internet.ParseException ignored) {
                // a client's free text: guess from the name
            }
        }
        return guessType(name);
    }

    static String guessType(String name) {
        if (name == null) return "application/octet-stream";
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String known = switch (ext) {
            case "txt", "text", "log" -> "text/plain";
            case "htm", "html" -> "text/html";
            case "csv" -> "text/csv";
            case "ics", "ical" -> "text/calendar";
            case "vcf" -> "text/vcard";
            case "xml" -> "application/xml";
            case "json" -> "application/json";
            case "pdf" -> "application/pdf";
            case "png" -> "image/png";
            case "jpg", "jpeg", "jpe" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "bmp" -> "image/bmp";
            case "svg" -> "image/svg+xml";
            case "webp" -> "image/webp";
            case "tif", "tiff" -> "image/tiff";
            case "zip" -> "application/zip";
            case "gz" -> "application/gzip";
            case "eml" -> "message/rfc822";
            case "doc" -> "application/msword";
            case "xls" -> "application/vnd.ms-excel";
            case "ppt" -> "application/vnd.ms-powerpoint";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "pptx" -> "application/vnd.openxmlformats-officedocument.presentationml.presentation";
            case "odt" -> "application/vnd.oasis.opendocument.text";
            case "ods" -> "application/vnd.oasis.opendocument.spreadsheet";
            case "mp3" -> "audio/mpeg";
            case "wav" -> "audio/wav";
            case "mp4" -> "video/mp4";
            default -> null;
        };
        if (known != null) return known;
        String jdk = ext.isEmpty() ? null : java.net.URLConnection.getFileNameMap().getContentTypeFor(name);
        return jdk != null && jdk.contains("/") ? jdk.toLowerCase(Locale.ROOT) : "application/octet-stream";
    }

    private static String withParameter(String type, String param, String value) throws MessagingException {
        if (value == null) return type;
        ContentType ct = new ContentType(type);
        ParameterList list = new ParameterList();
        list.set(param, value, UTF8);
        ct.setParameterList(list);
        return MimeUtility.fold(14, ct.toString());
    }

    /** 7bit for ASCII text with CRLF lines of legal length; base64 for everything else (bytes kept exactly). */
    private static String transferEncoding(String type, byte[] data) {
        if (!type.startsWith("text/")) return "base64";
        int lineLength = 0;
        for (int i = 0; i < data.length; i++) {
            int c = data[i] & 0xFF;
            if (c == '\r') {
                if (i + 1 >= data.length || data[i + 1] != '\n') return "base64";
                i++;
                lineLength = 0;
            } else if (c == '\n' || c == 0 || c >= 0x80) {
                return "base64";
            } else if (++lineLength > 998) {
                return "base64";
            }
        }
        return "7bit";
    }

    private static MimeMultipart multipart(String subtype, String typeParameter) throws MessagingException {
        if (typeParameter == null) return new MimeMultipart(subtype);
        // RFC 2387: multipart/related names the type of its root part
        return new MimeMultipart(subtype) {
            {
                ContentType ct = new ContentType(contentType);
                ct.setParameter("type", typeParameter);
                contentType = ct.toString();
            }
        };
    }

    // ---------------------------------------------------------------- helpers

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static boolean has8bit(byte[] b) {
        for (byte x : b) if (x < 0) return true;
        return false;
    }

    /** Header text on one line: CR, LF and other controls become spaces. */
    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\t\\x00-\\x1F\\x7F]+", " ");
    }

    /** Canonical text: every line break CRLF (RFC 2046 4.1.1). */
    private static String crlf(String s) {
        return s.replaceAll("\\r\\n|\\r|\\n", "\r\n");
    }

    private static PropValue find(List<PropValue> props, int tag) {
        if (props == null) return null;
        for (PropValue p : props) {
            if (p != null && p.tag == tag && p.error == null) return p;
        }
        return null;
    }

    /** A string property, PT_UNICODE or PT_STRING8. */
    private static String string(List<PropValue> props, int tag) {
        if (props == null) return null;
        int id = PropType.id(tag);
        for (PropValue p : props) {
            if (p != null && p.error == null && p.s != null && PropType.id(p.tag) == id && PropType.isString(p.type())) {
                return p.s;
            }
        }
        return null;
    }

    private static Long number(List<PropValue> props, int tag) {
        PropValue p = find(props, tag);
        if (p == null) return null;
        if (p.l != null) return p.l;
        if (p.b != null) return p.b ? 1L : 0L;
        return null;
    }

    private static byte[] binary(List<PropValue> props, int tag) {
        PropValue p = find(props, tag);
        return p == null ? null : p.bin;
    }

    /** The message/rfc822 part keeps whatever line ends it was stored with; the wire gets CRLF. */
    private static final class CrlfOutputStream extends FilterOutputStream {
        private int last = -1;

        CrlfOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (b == '\n') {
                if (last != '\r') out.write('\r');
                out.write('\n');
            } else {
                if (last == '\r') out.write('\n');
                out.write(b);
            }
            last = b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) write(b[i] & 0xFF);
        }

        @Override
        public void close() throws IOException {
            if (last == '\r') out.write('\n');
            last = -1;
            super.close();
        }
    }

    /** Keeps the Message-ID the converter set instead of generating one from the local host name. */
    private static final class OutgoingMessage extends MimeMessage {
        OutgoingMessage() {
            super(MAIL);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) setHeader("Message-ID", generateMessageId(null, null));
        }
    }
}
