package org.zcp.webaccess.mail;

import org.zcp.webaccess.calendar.CalendarJson;
import org.zcp.webaccess.calendar.MeetingRequests;
import org.zcp.webaccess.Props;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.MapiObjects;
import org.zcp.store.api.mapi.Attachment;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.session.Guard;

/**
 * A message: read (with its HTML made safe), its attachments, its flags, and moving, copying,
 * deleting and restoring messages (docs/webaccess.md).
 */
@Path("messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MessageResource {
    /** The most ids one call may name. */
    static final int MAX_IDS = 1000;
    /** What a preview may show inline (everything else is a download). */
    static final Set<String> PREVIEW = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf");

    public record Ids(List<String> ids, Boolean read, String folderId, Boolean copy, Boolean permanent) {
    }

    public record Flags(Boolean read, Boolean flagged) {
    }

    @EJB
    MapiObjects mapi;

    @jakarta.inject.Inject
    MeetingRequests meetings;

    @GET
    @Path("{id}")
    public MessageView.View read(@PathParam("id") String id, @QueryParam("images") String images,
            @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        String entry = Props.id(id);
        Message m = mapi.load(session, entry);
        MessageView.View v = MessageView.of(m, entry, "1".equals(images), num -> inlineImage(session, entry, num));
        return MeetingRequests.isMeeting(v.messageClass()) ? v.withMeeting(meetings.of(Guard.session(req), m, entry)) : v;
    }

    /** Answers the meeting request this message is (docs/webaccess.md): as answering it in the calendar. */
    @POST
    @Path("{id}/respond")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response respond(@PathParam("id") String id, CalendarJson.Answer in, @Context HttpServletRequest req) {
        if (in == null) throw ApiException.invalid("an answer");
        meetings.respond(Guard.session(req), Props.id(id), in);
        return Response.noContent().build();
    }

    /** The organizer takes the new time an attendee proposed in this message (docs/webaccess.md). */
    @POST
    @Path("{id}/accept-proposal")
    public Response acceptProposal(@PathParam("id") String id, @Context HttpServletRequest req) {
        meetings.acceptProposal(Guard.session(req), Props.id(id));
        return Response.noContent().build();
    }

    /**
     * The message's body as a page of its own, for the reader's sandboxed frame: a frame loaded
     * from a URL has its own policy (a srcdoc frame would inherit the app's, which keeps mail
     * styles and, once allowed, remote images out). The policy loads nothing but the page's
     * inline styles and data: images, and remote images only with images=1; the CSP sandbox
     * keeps scripts off and the page out of this origin even when opened on its own.
     */
    @GET
    @Path("{id}/body")
    @Produces(MediaType.TEXT_HTML)
    public Response body(@PathParam("id") String id, @QueryParam("images") String images,
            @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        String entry = Props.id(id);
        MessageView.View v = MessageView.of(mapi.load(session, entry), entry, "1".equals(images),
                num -> inlineImage(session, entry, num));
        boolean remote = "1".equals(images);
        String content = v.html() ? v.body()
                : "<pre class=\"zcp-plain\">" + linked(v.body()) + "</pre>";
        String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><base target=\"_blank\">"
                + "<style>html{color-scheme:light}body{margin:12px;font:14px/1.45 system-ui,-apple-system,'Segoe UI',"
                + "Roboto,Arial,sans-serif;color:#1f2328;background:#fff;overflow-wrap:anywhere}"
                + "pre.zcp-plain{white-space:pre-wrap;font:13px/1.45 ui-monospace,Menlo,Consolas,monospace;margin:0}"
                + "img{max-width:100%;height:auto}img[data-blocked]{display:none}</style></head><body>"
                + content + "</body></html>";
        return Response.ok(page, "text/html; charset=utf-8")
                .header("Content-Security-Policy", BODY_POLICY + (remote ? " http: https:" : "")
                        + "; sandbox allow-popups allow-popups-to-escape-sandbox")
                .build();
    }

    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile(
            "\\b(?:https?://|mailto:)[^\\s<>\"']+[^\\s<>\"'.,;:!?)\\]]", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Plain text, escaped, with its http(s) and mailto links made links (opened outside the frame). */
    static String linked(String text) {
        StringBuilder out = new StringBuilder();
        var m = LINK.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(org.jsoup.nodes.Entities.escape(text.substring(last, m.start())));
            String url = org.jsoup.nodes.Entities.escape(m.group());
            out.append("<a href=\"").append(url).append("\" rel=\"noopener noreferrer\">").append(url).append("</a>");
            last = m.end();
        }
        return out.append(org.jsoup.nodes.Entities.escape(text.substring(last))).toString();
    }

    /** What a message body page may load (the image sources last, as remote images add to them). */
    static final String BODY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; font-src data:;"
            + " frame-ancestors 'self'; base-uri 'none'; form-action 'none'; img-src data:";

    /** An inline image as a data: URI for the sandboxed frame (which has no cookies to fetch it with). */
    private String inlineImage(String session, String entry, int num) {
        MapiObjects.Content c = mapi.attachment(session, entry, num);
        String type = c.mimeType() == null ? "" : c.mimeType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("image/") || type.contains("svg")) return null;
        try {
            byte[] data = c.bytes() != null ? c.bytes() : Files.readAllBytes(c.file());
            if (data.length > MessageView.MAX_INLINE_IMAGE) return null;
            return "data:" + type + ";base64," + java.util.Base64.getEncoder().encodeToString(data);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    @GET
    @Path("{id}/attachments/{num}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") String id, @PathParam("num") int num, @QueryParam("inline") String inline,
            @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        String entry = Props.id(id);
        Message m = mapi.load(session, entry);
        Attachment a = m.attachments == null ? null
                : m.attachments.stream().filter(x -> x.attachNum == num).findFirst().orElse(null);
        if (a == null) throw new ApiException(404, "not-found", "no such attachment");
        String name = MessageView.fileName(a);
        MapiObjects.Content c = mapi.attachment(session, entry, num);
        String type = c.mimeType() == null ? "application/octet-stream" : c.mimeType().toLowerCase(Locale.ROOT);
        boolean preview = "1".equals(inline) && PREVIEW.contains(type);
        StreamingOutput body = out -> {
            if (c.bytes() != null) {
                out.write(c.bytes());
            } else {
                try (InputStream in = Files.newInputStream(c.file())) {
                    in.transferTo(out);
                }
            }
        };
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(body, preview ? type : safeType(type))
                .header("Content-Disposition", (preview ? "inline" : "attachment") + "; filename=\""
                        + name.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_") + "\"; filename*=UTF-8''" + encoded)
                .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; plugin-types application/pdf")
                .build();
    }

    /** Types a browser would render as a page of this origin are downloaded as bytes. */
    private static String safeType(String type) {
        return type.contains("html") || type.contains("xml") || type.contains("javascript") || type.contains("svg")
                ? "application/octet-stream" : type;
    }

    @PATCH
    @Path("{id}")
    public Response flags(@PathParam("id") String id, Flags f, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        String entry = Props.id(id);
        if (f == null || (f.read() == null && f.flagged() == null)) throw ApiException.invalid("read or flagged");
        if (f.read() != null) mapi.setRead(session, List.of(entry), f.read());
        if (f.flagged() != null) {
            mapi.setProps(session, entry, List.of(PropValue.ofLong(PropTag.PR_FLAG_STATUS, f.flagged() ? 2 : 0)));
        }
        return Response.noContent().build();
    }

    @POST
    @Path("read")
    public Response read(Ids body, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        mapi.setRead(session, ids(body), body.read() == null || body.read());
        return Response.noContent().build();
    }

    @POST
    @Path("move")
    public Map<String, List<String>> move(Ids body, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        if (body == null || body.folderId() == null) throw ApiException.invalid("a folderId to move to");
        List<String> moved = mapi.copy(session, ids(body), Props.id(body.folderId()), body.copy() == null || !body.copy());
        return Map.of("ids", upper(moved));
    }

    /**
     * Delete as Outlook does: into Deleted Items; from Deleted Items, or asked to, into the
     * soft-deleted items (manual 7.5), from where {@link #restore} brings them back.
     */
    @POST
    @Path("delete")
    public Response delete(Ids body, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        List<String> ids = ids(body);
        boolean permanent = Boolean.TRUE.equals(body.permanent());
        String trash = Mailbox.of(mapi, Guard.session(req)).special("trash");
        if (permanent || trash == null || inFolder(session, ids, trash)) {
            mapi.delete(session, ids);
        } else {
            mapi.copy(session, ids, trash, true);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("restore")
    public Response restore(Ids body, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        mapi.restore(session, ids(body));
        return Response.noContent().build();
    }

    private boolean inFolder(String session, List<String> ids, String folder) {
        List<PropValue> p = mapi.props(session, ids.get(0), List.of(PropTag.PR_PARENT_ENTRYID));
        return folder.equalsIgnoreCase(Props.hex(p, PropTag.PR_PARENT_ENTRYID));
    }

    static List<String> ids(Ids body) {
        if (body == null || body.ids() == null || body.ids().isEmpty()) throw ApiException.invalid("ids of messages");
        if (body.ids().size() > MAX_IDS) throw ApiException.invalid("at most " + MAX_IDS + " messages at once");
        List<String> out = new ArrayList<>(body.ids().size());
        for (String id : body.ids()) out.add(Props.id(id));
        return out;
    }

    static List<String> upper(List<String> ids) {
        return ids.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
    }
}
