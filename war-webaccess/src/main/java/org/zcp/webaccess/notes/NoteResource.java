package org.zcp.webaccess.notes;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.FolderInfo;
import org.zcp.store.api.FolderTree.Hierarchy;
import org.zcp.store.api.MapiObjects;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.NamedProp;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.Row;
import org.zcp.store.api.mapi.SortOrder;
import org.zcp.store.api.mapi.TableQuery;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.Props;
import org.zcp.webaccess.items.ItemFolders;
import org.zcp.webaccess.session.Guard;

/**
 * Notes (docs/webaccess.md, "Contacts, tasks and notes"): the sticky notes of the user's
 * IPF.StickyNote folders as Outlook keeps them: IPM.StickyNote messages, the first line of the text
 * their subject, their colour PidLidNoteColor (blue 0, green 1, pink 2, yellow 3, white 4).
 */
@Path("notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoteResource {
    static final String CONTAINER = "IPF.StickyNote";
    static final int MAX_NOTES = 2000;
    static final List<String> COLORS = List.of("blue", "green", "pink", "yellow", "white");
    /** PidLidNoteColor (PSETID_Note 0x8B00, PT_LONG). */
    static final NamedProp NOTE_COLOR = NamedProp.ofId("0006200E-0000-0000-C000-000000000046", 0x8B00);

    public record Folder(String id, String name, @jakarta.json.bind.annotation.JsonbProperty("default") boolean isDefault) {
    }

    public record Folders(List<Folder> folders) {
    }

    public record Note(String id, String subject, String body, String color, String modified) {
    }

    public record Notes(List<Note> notes) {
    }

    @EJB
    MapiObjects mapi;

    @Inject
    ItemFolders folders;

    @GET
    public Folders list(@Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        Hierarchy h = folders.tree().folders(session);
        List<Folder> out = new ArrayList<>();
        for (FolderInfo f : h.folders()) {
            if (f.containerClass() == null || !f.containerClass().startsWith(CONTAINER)) continue;
            boolean dflt = out.isEmpty() || f.parentId() == h.rootId() && "notes".equalsIgnoreCase(f.name());
            if (dflt) out.replaceAll(x -> new Folder(x.id(), x.name(), false));
            out.add(new Folder(folders.entryId(session, f.id()), f.name(), dflt));
        }
        return new Folders(out);
    }

    @GET
    @Path("{folder}/items")
    public Notes notes(@PathParam("folder") String folder, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        int color = colorTag(session);
        TableQuery q = new TableQuery();
        q.columns = new ArrayList<>(List.of(PropTag.PR_ENTRYID, PropTag.PR_SUBJECT, PropTag.PR_BODY,
                PropTag.PR_LAST_MODIFICATION_TIME, color));
        SortOrder newest = new SortOrder();
        newest.tag = PropTag.PR_LAST_MODIFICATION_TIME;
        newest.descending = true;
        q.sort = new ArrayList<>(List.of(newest));
        q.count = MAX_NOTES;
        List<Note> out = new ArrayList<>();
        for (Row r : mapi.contents(session, Props.id(folder), q).rows) {
            long c = Props.number(r.props, color, 3);
            out.add(new Note(Props.hex(r.props, PropTag.PR_ENTRYID), Props.string(r.props, PropTag.PR_SUBJECT),
                    Props.string(r.props, PropTag.PR_BODY), COLORS.get(c >= 0 && c < COLORS.size() ? (int) c : 3),
                    Props.time(r.props, PropTag.PR_LAST_MODIFICATION_TIME)));
        }
        return new Notes(out);
    }

    @POST
    @Path("{folder}/items")
    public Response create(@PathParam("folder") String folder, Note in, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        Message m = new Message();
        m.props.add(PropValue.ofString(PropTag.PR_MESSAGE_CLASS, "IPM.StickyNote"));
        m.props.addAll(props(session, in));
        String id = mapi.create(session, Props.id(folder), m);
        return Response.status(201).entity(Map.of("id", id.toUpperCase())).build();
    }

    @PUT
    @Path("{folder}/items/{id}")
    public Response update(@PathParam("folder") String folder, @PathParam("id") String id, Note in,
            @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        mapi.setProps(session, Props.id(id), props(session, in));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{folder}/items/{id}")
    public Response delete(@PathParam("folder") String folder, @PathParam("id") String id, @Context HttpServletRequest req) {
        mapi.delete(Guard.session(req).storeSession(), List.of(Props.id(id)));
        return Response.noContent().build();
    }

    private List<PropValue> props(String session, Note in) {
        if (in == null || in.body() == null) throw ApiException.invalid("a note needs its text");
        if (in.body().length() > 64 * 1024) throw ApiException.invalid("a note of at most 64 KB");
        String color = in.color() == null ? "yellow" : in.color();
        if (!COLORS.contains(color)) throw ApiException.invalid("a colour of " + String.join(", ", COLORS));
        String body = in.body().replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", " ");
        String first = body.strip().lines().findFirst().orElse("");
        if (first.length() > 255) first = first.substring(0, 255);
        return List.of(PropValue.ofString(PropTag.PR_SUBJECT, first), PropValue.ofString(PropTag.PR_BODY, body),
                PropValue.ofLong(colorTag(session), COLORS.indexOf(color)));
    }

    private int colorTag(String session) {
        return folders.ids(session).id(NOTE_COLOR) << 16 | 0x0003;
    }
}
