package org.zcp.webaccess.mail;

import org.zcp.webaccess.Props;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.MapiObjects;
import org.zcp.store.api.mapi.Row;
import org.zcp.store.api.mapi.TableQuery;
import org.zcp.store.api.mapi.TableResult;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.session.Guard;

/** The folder tree with counts, and making, renaming, moving and deleting folders (docs/webaccess.md). */
@Path("folders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FolderResource {
    /** One folder of the tree. */
    public record Folder(String id, String parentId, String name, String containerClass, String special, long count,
            long unread, boolean subfolders) {
    }

    public record Tree(List<Folder> folders) {
    }

    /** A new folder, or a rename/move. */
    public record Change(String parentId, String name) {
    }

    static final List<Integer> COLUMNS = List.of(PropTag.PR_ENTRYID, PropTag.PR_PARENT_ENTRYID, PropTag.PR_DISPLAY_NAME,
            PropTag.PR_CONTAINER_CLASS, PropTag.PR_CONTENT_COUNT, PropTag.PR_CONTENT_UNREAD, PropTag.PR_SUBFOLDERS);

    @EJB
    MapiObjects mapi;

    @GET
    public Tree tree(@Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        Mailbox box = Mailbox.of(mapi, Guard.session(req));
        TableQuery q = new TableQuery();
        q.columns = new ArrayList<>(COLUMNS);
        q.flags = TableQuery.CONVENIENT_DEPTH;
        TableResult t = mapi.hierarchy(session, box.store().ipmSubtreeId, q);
        String top = box.store().ipmSubtreeId.toUpperCase();
        List<Folder> out = new ArrayList<>();
        for (Row r : t.rows) {
            String id = Props.hex(r.props, PropTag.PR_ENTRYID);
            String parent = Props.hex(r.props, PropTag.PR_PARENT_ENTRYID);
            out.add(new Folder(id, top.equals(parent) ? null : parent, Props.string(r.props, PropTag.PR_DISPLAY_NAME),
                    Props.string(r.props, PropTag.PR_CONTAINER_CLASS), box.specialById().get(id),
                    Props.number(r.props, PropTag.PR_CONTENT_COUNT, 0), Props.number(r.props, PropTag.PR_CONTENT_UNREAD, 0),
                    Props.number(r.props, PropTag.PR_SUBFOLDERS, 0) != 0));
        }
        return new Tree(out);
    }

    @POST
    public Response create(Change c, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        String name = name(c);
        String parent = c.parentId() == null ? Mailbox.of(mapi, Guard.session(req)).store().ipmSubtreeId : Props.id(c.parentId());
        String id = mapi.createFolder(session, parent, name, "IPF.Note");
        return Response.status(201).entity(Map.of("id", id.toUpperCase())).build();
    }

    @PATCH
    @Path("{id}")
    public Response change(@PathParam("id") String id, Change c, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        String folder = Props.id(id);
        if (c == null || (c.name() == null && c.parentId() == null)) throw ApiException.invalid("a name or a parentId");
        String parent = c.parentId() == null ? null : c.parentId().isEmpty()
                ? Mailbox.of(mapi, Guard.session(req)).store().ipmSubtreeId : Props.id(c.parentId());
        String name = c.name() == null ? null : name(c);
        if (name == null) name = Props.string(mapi.props(session, folder, List.of(PropTag.PR_DISPLAY_NAME)), PropTag.PR_DISPLAY_NAME);
        mapi.moveFolder(session, folder, parent, name);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        String folder = Props.id(id);
        if (Mailbox.of(mapi, Guard.session(req)).specialById().containsKey(folder)) {
            throw new ApiException(403, "access", "a special folder cannot be deleted");
        }
        mapi.deleteFolder(session, folder);
        return Response.noContent().build();
    }

    /** A folder name as a user typed it: any text but control characters, at most 255 characters. */
    static String name(Change c) {
        String n = c == null || c.name() == null ? "" : c.name().strip();
        if (n.isEmpty()) throw ApiException.invalid("a folder needs a name");
        if (n.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7F)) throw ApiException.invalid("a folder name cannot hold control characters");
        if (n.length() > 255) throw ApiException.invalid("a folder name has at most 255 characters");
        return n;
    }
}
