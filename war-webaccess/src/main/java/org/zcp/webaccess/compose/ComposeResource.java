package org.zcp.webaccess.compose;

import org.zcp.webaccess.Props;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.MapiObjects;
import org.zcp.store.api.StoreFailure;
import org.zcp.store.api.mapi.Attachment;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.Recipient;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.html.MailHtml;
import org.zcp.webaccess.mail.Address;
import org.zcp.webaccess.mail.MailboxFolders;
import org.zcp.webaccess.session.Guard;

/**
 * Saving drafts and sending (docs/webaccess.md): a message is written into Drafts as a MAPI
 * message, and sending moves it to the Outbox and submits it, so the spooler converts and sends
 * it (manual 4.9) and files it in Sent Items, as for Outlook. Nothing is half-saved: a message
 * that cannot be written (quota, a bad address, a vanished upload) fails before the store is
 * touched or rolls back whole.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ComposeResource {
    static final int MSGFLAG_UNSENT = 0x8;
    static final int MAX_RECIPIENTS = 500;
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>(),;:\"\\[\\]]+@[^\\s@<>(),;:\"\\[\\]]+");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    @EJB
    MapiObjects mapi;

    @EJB
    Uploads uploads;

    @POST
    @Path("drafts")
    public Map<String, String> save(Draft d, @Context HttpServletRequest req) {
        return Map.of("id", write(Guard.session(req), d, false).toUpperCase());
    }

    @POST
    @Path("send")
    public Response send(Draft d, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        if (d == null || all(d).isEmpty()) throw ApiException.invalid("a message needs at least one recipient");
        String id = write(Guard.session(req), d, true);
        String outbox = MailboxFolders.special(mapi, Guard.session(req), "outbox");
        String queued = mapi.copy(session, List.of(id), outbox, true).get(0);
        try {
            mapi.submit(session, queued);
        } catch (RuntimeException e) {
            // refused (no right to send for that user, over quota): the message goes back to Drafts, nothing is lost
            StoreFailure f = StoreFailure.in(e);
            if (f == null || f.kind() == StoreFailure.Kind.SESSION_ENDED) throw e;
            String back = mapi.copy(session, List.of(queued), MailboxFolders.special(mapi, Guard.session(req), "drafts"), true)
                    .get(0);
            throw new ApiException(f.kind() == StoreFailure.Kind.QUOTA ? 422 : f.kind() == StoreFailure.Kind.NO_ACCESS ? 403 : 400,
                    f.kind() == StoreFailure.Kind.QUOTA ? "quota" : "send", f.getMessage() + "; the message is kept in Drafts",
                    back.toUpperCase(java.util.Locale.ROOT));
        }
        answered(session, d);
        return Response.status(202).entity(Map.of("id", queued.toUpperCase())).build();
    }

    /** Writes the draft into Drafts (a new message, or over {@code draftId}); returns its entry id. */
    private String write(org.zcp.webaccess.session.WebSession ws, Draft d, boolean sending) {
        String session = ws.storeSession();
        if (d == null) throw ApiException.invalid("a message");
        Message m = new Message();
        List<PropValue> p = m.props;
        String subject = d.subject() == null ? "" : d.subject();
        if (CONTROL.matcher(subject).find()) throw ApiException.invalid("the subject holds control characters");
        subject = clean(subject);
        if (subject.length() > 1000) throw ApiException.invalid("a subject has at most 1,000 characters");
        p.add(PropValue.ofString(PropTag.PR_SUBJECT, subject));
        p.add(PropValue.ofString(PropTag.PR_MESSAGE_CLASS, "IPM.Note"));
        int importance = d.importance() == null ? 1 : d.importance();
        if (importance < 0 || importance > 2) throw ApiException.invalid("importance 0, 1 or 2");
        p.add(PropValue.ofLong(PropTag.PR_IMPORTANCE, importance));
        p.add(PropValue.ofLong(PropTag.PR_MESSAGE_FLAGS, Props.MSGFLAG_READ | MSGFLAG_UNSENT));
        if (d.from() != null && d.from().email() != null && !d.from().email().isBlank()) {
            String from = d.from().email().strip();
            if (!from.matches("[^\\s<>\"@]+@[^\\s<>\"@]+")) throw ApiException.invalid("not an e-mail address: " + from);
            p.add(PropValue.ofString(PropTag.PR_SENT_REPRESENTING_EMAIL_ADDRESS, from));
            String name = d.from().name() == null || d.from().name().isBlank() ? from : clean(d.from().name());
            p.add(PropValue.ofString(PropTag.PR_SENT_REPRESENTING_NAME, name));
        }
        String body = d.body() == null ? "" : d.body();
        if (Boolean.TRUE.equals(d.html())) {
            String html = MailHtml.sanitize(body, cid -> null, true).html();
            p.add(PropValue.ofBinary(PropTag.PR_HTML, ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
                    + html + "</body></html>").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            p.add(PropValue.ofString(PropTag.PR_BODY, Jsoup.parse(html).wholeText().strip()));
        } else {
            p.add(PropValue.ofString(PropTag.PR_BODY, body));
        }
        String original = d.inReplyTo() != null ? d.inReplyTo() : d.forwardOf();
        if (original != null) {
            String messageId = stringProp(session, Props.id(original), PropTag.PR_INTERNET_MESSAGE_ID);
            if (messageId != null && d.inReplyTo() != null) p.add(PropValue.ofString(PropTag.PR_IN_REPLY_TO_ID, messageId));
        }
        m.recipients = new ArrayList<>();
        StringBuilder displayTo = new StringBuilder();
        add(m.recipients, d.to(), PropTag.MAPI_TO, displayTo);
        add(m.recipients, d.cc(), PropTag.MAPI_CC, null);
        add(m.recipients, d.bcc(), PropTag.MAPI_BCC, null);
        if (m.recipients.size() > MAX_RECIPIENTS) throw ApiException.invalid("at most " + MAX_RECIPIENTS + " recipients");
        p.add(PropValue.ofString(PropTag.PR_DISPLAY_TO, displayTo.toString()));
        m.attachments = attachments(session, d);
        String id;
        if (d.draftId() != null) {
            id = Props.id(d.draftId());
            mapi.save(session, id, m);
        } else {
            id = mapi.create(session, MailboxFolders.special(mapi, ws, "drafts"), m);
        }
        if (sending && d.uploads() != null) d.uploads().forEach(uploads::forget);
        return id;
    }

    private List<Attachment> attachments(String session, Draft d) {
        List<Attachment> out = new ArrayList<>();
        if (d.keepAttachments() != null && !d.keepAttachments().isEmpty()) {
            String source = d.draftId() != null ? Props.id(d.draftId()) : d.forwardOf() != null ? Props.id(d.forwardOf()) : null;
            if (source == null) throw ApiException.invalid("keepAttachments needs a draftId or forwardOf");
            Message from = mapi.load(session, source);
            for (int num : d.keepAttachments()) {
                Attachment a = from.attachments == null ? null
                        : from.attachments.stream().filter(x -> x.attachNum == num).findFirst().orElse(null);
                if (a == null) throw ApiException.invalid("the attachment " + num + " is gone");
                Attachment copy = new Attachment();
                copy.props = new ArrayList<>(a.props.stream().filter(v -> v.tag != PropTag.PR_ATTACH_NUM).toList());
                copy.embedded = a.embedded;
                if (a.embedded == null) copy.data = content(mapi.attachment(session, source, num));
                out.add(copy);
            }
        }
        for (String uid : d.uploads() == null ? List.<String>of() : d.uploads()) {
            Uploads.Upload u = uploads.get(session, uid);
            Attachment a = new Attachment();
            a.props.add(PropValue.ofLong(PropTag.PR_ATTACH_METHOD, 1));
            a.props.add(PropValue.ofString(PropTag.PR_ATTACH_LONG_FILENAME, u.name()));
            a.props.add(PropValue.ofString(PropTag.PR_ATTACH_FILENAME, u.name()));
            a.props.add(PropValue.ofString(PropTag.PR_DISPLAY_NAME, u.name()));
            a.props.add(PropValue.ofString(PropTag.PR_ATTACH_MIME_TAG, u.mimeType()));
            try {
                a.data = Files.readAllBytes(u.file());
            } catch (IOException e) {
                throw ApiException.invalid("the uploaded file " + u.name() + " is gone; attach it again");
            }
            out.add(a);
        }
        return out;
    }

    private static byte[] content(MapiObjects.Content c) {
        try {
            return c.bytes() != null ? c.bytes() : Files.readAllBytes(c.file());
        } catch (IOException e) {
            throw new ApiException(503, "unavailable", "an attachment cannot be read now: " + e.getMessage());
        }
    }

    private static void add(List<Recipient> to, List<Address> list, int type, StringBuilder display) {
        if (list == null) return;
        for (Address a : list) {
            String email = a == null || a.email() == null ? "" : a.email().strip();
            if (!ADDRESS.matcher(email).matches() || email.length() > 320) {
                throw ApiException.invalid("'" + clean(email) + "' is not an e-mail address");
            }
            String name = a.name() == null || a.name().isBlank() ? email : clean(a.name().strip());
            Recipient r = new Recipient();
            r.props.add(PropValue.ofString(PropTag.PR_DISPLAY_NAME, name));
            r.props.add(PropValue.ofString(PropTag.PR_EMAIL_ADDRESS, email));
            r.props.add(PropValue.ofString(PropTag.PR_SMTP_ADDRESS, email));
            r.props.add(PropValue.ofString(PropTag.PR_ADDRTYPE, "SMTP"));
            r.props.add(PropValue.ofLong(PropTag.PR_RECIPIENT_TYPE, type));
            to.add(r);
            if (display != null) display.append(display.isEmpty() ? "" : "; ").append(name);
        }
    }

    /** A reply marks the original answered, a forward forwarded (PR_LAST_VERB_EXECUTED, as Outlook). */
    private void answered(String session, Draft d) {
        String action = d.action();
        if (action == null) return;
        String original = d.inReplyTo() != null ? d.inReplyTo() : d.forwardOf();
        if (original == null) return;
        long verb = switch (action) {
            case "reply" -> 102;
            case "replyall" -> 103;
            case "forward" -> 104;
            default -> throw ApiException.invalid("action reply, replyall or forward");
        };
        mapi.setProps(session, Props.id(original), List.of(PropValue.ofLong(PropTag.PR_LAST_VERB_EXECUTED, verb)));
    }

    private String stringProp(String session, String id, int tag) {
        for (PropValue v : mapi.props(session, id, List.of(tag))) if (v.tag == tag && v.error == null) return v.s;
        return null;
    }

    private static List<Address> all(Draft d) {
        List<Address> a = new ArrayList<>();
        if (d.to() != null) a.addAll(d.to());
        if (d.cc() != null) a.addAll(d.cc());
        if (d.bcc() != null) a.addAll(d.bcc());
        return a;
    }

    /** Control characters (but tab and line breaks) have no place in a header. */
    static String clean(String s) {
        return CONTROL.matcher(s).replaceAll("").replaceAll("[\\r\\n\\t]+", " ");
    }

}
