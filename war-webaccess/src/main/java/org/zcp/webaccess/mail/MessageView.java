package org.zcp.webaccess.mail;

import org.zcp.webaccess.Props;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.Attachment;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.Recipient;
import org.zcp.webaccess.html.MailHtml;

/** A message as the reading pane shows it (docs/webaccess.md, GET /api/messages/{id}). */
final class MessageView {
    /** Inline images larger than this are left out of the frame (they stay downloadable). */
    static final int MAX_INLINE_IMAGE = 4 * 1024 * 1024;
    static final int ATTACH_EMBEDDED_MSG = 5;

    public record AttachmentInfo(int num, String name, String mimeType, long size, boolean inline, String contentId) {
    }

    public record View(String id, String folderId, String subject, Address from, Address sender, List<Address> to,
            List<Address> cc, List<Address> bcc, List<Address> replyTo, String date, boolean read, boolean flagged,
            int importance, String messageClass, boolean html, String body, int remoteImages,
            List<AttachmentInfo> attachments, org.zcp.webaccess.calendar.CalendarJson.Meeting meeting) {
        /** The view with the meeting the message carries (a meeting request, answer or cancellation). */
        View withMeeting(org.zcp.webaccess.calendar.CalendarJson.Meeting m) {
            return new View(id, folderId, subject, from, sender, to, cc, bcc, replyTo, date, read, flagged, importance,
                    messageClass, html, body, remoteImages, attachments, m);
        }
    }

    private MessageView() {
    }

    static View of(Message m, String id, boolean images, IntFunction<String> inlineImage) {
        List<PropValue> p = m.props;
        List<Address> to = new ArrayList<>();
        List<Address> cc = new ArrayList<>();
        List<Address> bcc = new ArrayList<>();
        for (Recipient r : m.recipients == null ? List.<Recipient>of() : m.recipients) {
            Address a = address(r.props);
            switch ((int) Props.number(r.props, PropTag.PR_RECIPIENT_TYPE, PropTag.MAPI_TO)) {
                case PropTag.MAPI_CC -> cc.add(a);
                case PropTag.MAPI_BCC -> bcc.add(a);
                default -> to.add(a);
            }
        }
        Map<String, Integer> byContentId = new HashMap<>();
        List<AttachmentInfo> attachments = new ArrayList<>();
        for (Attachment a : m.attachments == null ? List.<Attachment>of() : m.attachments) {
            String cid = Props.string(a.props, PropTag.PR_ATTACH_CONTENT_ID);
            if (cid != null) byContentId.put(cid.replaceAll("^<|>$", ""), a.attachNum);
        }
        String html = Props.string(p, PropTag.PR_HTML);
        boolean isHtml = html != null && !html.isBlank();
        MailHtml.Result safe = null;
        if (isHtml) {
            safe = MailHtml.sanitize(html, cid -> {
                Integer num = byContentId.get(cid);
                return num == null ? null : inlineImage.apply(num);
            }, images);
        }
        String shown = safe == null ? "" : safe.html();
        for (Attachment a : m.attachments == null ? List.<Attachment>of() : m.attachments) {
            String cid = Props.string(a.props, PropTag.PR_ATTACH_CONTENT_ID);
            boolean inline = cid != null && isHtml && html.contains(cid.replaceAll("^<|>$", ""));
            attachments.add(new AttachmentInfo(a.attachNum, fileName(a), mimeType(a), size(a), inline, cid));
        }
        Address from = named(p, PropTag.PR_SENT_REPRESENTING_NAME, PropTag.PR_SENT_REPRESENTING_EMAIL_ADDRESS);
        Address sender = named(p, PropTag.PR_SENDER_NAME, PropTag.PR_SENDER_EMAIL_ADDRESS);
        if (from.name().isEmpty() && from.email().isEmpty()) from = sender;
        String date = Props.time(p, PropTag.PR_MESSAGE_DELIVERY_TIME);
        if (date == null) date = Props.time(p, PropTag.PR_CLIENT_SUBMIT_TIME);
        if (date == null) date = Props.time(p, PropTag.PR_LAST_MODIFICATION_TIME);
        long flags = Props.number(p, PropTag.PR_MESSAGE_FLAGS, 0);
        return new View(id, Props.hex(p, PropTag.PR_PARENT_ENTRYID), ListResource.nz(Props.string(p, PropTag.PR_SUBJECT)),
                from, sender.equals(from) ? null : sender, to, cc, bcc, List.of(), date,
                (flags & Props.MSGFLAG_READ) != 0,
                Props.number(p, PropTag.PR_FLAG_STATUS, 0) == ListResource.FOLLOWUP_FLAGGED,
                (int) Props.number(p, PropTag.PR_IMPORTANCE, 1), ListResource.nz(Props.string(p, PropTag.PR_MESSAGE_CLASS)),
                isHtml, isHtml ? shown : ListResource.nz(Props.string(p, PropTag.PR_BODY)),
                safe == null ? 0 : safe.remoteImages(), attachments, null);
    }

    static Address address(List<PropValue> p) {
        String email = Props.string(p, PropTag.PR_SMTP_ADDRESS);
        if (email == null) email = Props.string(p, PropTag.PR_EMAIL_ADDRESS);
        return new Address(ListResource.nz(Props.string(p, PropTag.PR_DISPLAY_NAME)), ListResource.nz(email));
    }

    private static Address named(List<PropValue> p, int name, int email) {
        return new Address(ListResource.nz(Props.string(p, name)), ListResource.nz(Props.string(p, email)));
    }

    static String fileName(Attachment a) {
        String n = Props.string(a.props, PropTag.PR_ATTACH_LONG_FILENAME);
        if (n == null) n = Props.string(a.props, PropTag.PR_ATTACH_FILENAME);
        if (n == null) n = Props.string(a.props, PropTag.PR_DISPLAY_NAME);
        if (n == null && a.embedded != null) n = Props.string(a.embedded.props, PropTag.PR_SUBJECT) + ".eml";
        if (n == null || n.isBlank()) n = "attachment-" + a.attachNum;
        return n.replaceAll("[\\x00-\\x1F\\x7F/\\\\]", "_");
    }

    static String mimeType(Attachment a) {
        if (Props.number(a.props, PropTag.PR_ATTACH_METHOD, 1) == ATTACH_EMBEDDED_MSG) return "message/rfc822";
        String t = Props.string(a.props, PropTag.PR_ATTACH_MIME_TAG);
        return t == null ? "application/octet-stream" : t;
    }

    static long size(Attachment a) {
        long s = Props.number(a.props, PropTag.PR_ATTACH_SIZE, -1);
        return s >= 0 ? s : a.size;
    }

    static String utf8(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
