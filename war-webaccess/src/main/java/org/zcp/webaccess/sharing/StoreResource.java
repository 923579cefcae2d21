package org.zcp.webaccess.sharing;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.FolderInfo;
import org.zcp.store.api.FolderTree.Hierarchy;
import org.zcp.store.api.MapiObjects;
import org.zcp.store.api.StoreFailure;
import org.zcp.store.api.WebLogons;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.Props;
import org.zcp.webaccess.items.ItemFolders;
import org.zcp.webaccess.mail.FolderResource.Folder;
import org.zcp.webaccess.session.Guard;
import org.zcp.webaccess.session.WebSession;
import org.zcp.webaccess.settings.SettingsResource;

/**
 * Other users' mailboxes and the public folders in the folder tree (docs/webaccess.md, "Sharing"):
 * the folders of another user's store the user may see (their permissions, manual 8.7), kept open
 * in the settings, and the public store's folders; each folder as the folder tree has them (entry
 * ids), so the message API reads and writes them with the rights their owner gave.
 */
@Path("stores")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StoreResource {
    static final int MAX_FOLDERS = 2000;

    public record Store(String user, String name, String email, List<Folder> folders) {
    }

    public record Stores(List<Store> stores) {
    }

    public record Open(String user) {
    }

    @EJB
    MapiObjects mapi;

    @EJB
    WebLogons logons;

    @Inject
    ItemFolders items;

    /** The other users' mailboxes the user opened, each with the folders they may see. */
    @GET
    public Stores list(@Context HttpServletRequest req) {
        WebSession ws = Guard.session(req);
        List<Store> out = new ArrayList<>();
        for (String user : SettingsResource.stored(mapi, ws.storeSession()).openStores()) {
            Store s = store(ws, user);
            if (s != null) out.add(s);
        }
        return new Stores(out);
    }

    @POST
    @Path("open")
    public Store open(Open in, @Context HttpServletRequest req) {
        WebSession ws = Guard.session(req);
        String user = in == null || in.user() == null ? "" : in.user().strip();
        if (user.isEmpty() || user.length() > 256) throw ApiException.invalid("a user name or e-mail address");
        WebLogons.Who who = logons.user(ws.storeSession(), user);
        if (who == null) throw new ApiException(404, "not-found", "no user " + user);
        if (who.loginName().equalsIgnoreCase(ws.login())) throw ApiException.invalid("that is your own mailbox");
        Store s = store(ws, who.loginName());
        if (s == null || s.folders().isEmpty()) throw new ApiException(403, "access", user + " has shared no folder with you");
        var kept = SettingsResource.stored(mapi, ws.storeSession());
        List<String> open = new ArrayList<>(kept.openStores());
        if (open.stream().noneMatch(x -> x.equalsIgnoreCase(s.user()))) {
            open.add(s.user());
            SettingsResource.save(mapi, ws.storeSession(), SettingsResource.withStores(kept, open));
        }
        return s;
    }

    @DELETE
    @Path("open/{user}")
    public Response close(@PathParam("user") String user, @Context HttpServletRequest req) {
        WebSession ws = Guard.session(req);
        var kept = SettingsResource.stored(mapi, ws.storeSession());
        List<String> open = new ArrayList<>(kept.openStores());
        if (open.removeIf(x -> x.equalsIgnoreCase(user))) {
            SettingsResource.save(mapi, ws.storeSession(), SettingsResource.withStores(kept, open));
        }
        return Response.noContent().build();
    }

    /** The public folders the user may see; 404 when the server has no public store. */
    @GET
    @Path("public")
    public Store publicFolders(@Context HttpServletRequest req) {
        WebSession ws = Guard.session(req);
        Hierarchy h = items.tree().publicFolders(ws.storeSession());
        if (h == null) throw new ApiException(404, "not-found", "no public folders");
        return new Store(null, "Public Folders", null, folders(ws.storeSession(), h));
    }

    private Store store(WebSession ws, String user) {
        Hierarchy h;
        try {
            h = items.tree().foldersOf(ws.storeSession(), user);
        } catch (RuntimeException e) {
            if (StoreFailure.in(e) == null) throw e;
            return null;
        }
        if (h == null) return null;
        WebLogons.Who who = logons.user(ws.storeSession(), user);
        return new Store(user, who == null ? user : who.fullName(), who == null ? null : who.email(),
                folders(ws.storeSession(), h));
    }

    /** The folders of a hierarchy as the tree shows them, parents first, with their counts. */
    private List<Folder> folders(String session, Hierarchy h) {
        Map<Long, String> entry = new HashMap<>();
        List<Folder> out = new ArrayList<>();
        for (FolderInfo f : h.folders()) {
            if (out.size() == MAX_FOLDERS) break;
            String id = items.entryId(session, f.id());
            entry.put(f.id(), id);
            long count = 0;
            long unread = 0;
            try {
                List<PropValue> p = mapi.props(session, id, List.of(PropTag.PR_CONTENT_COUNT, PropTag.PR_CONTENT_UNREAD));
                count = Props.number(p, PropTag.PR_CONTENT_COUNT, 0);
                unread = Props.number(p, PropTag.PR_CONTENT_UNREAD, 0);
            } catch (RuntimeException e) {
                if (StoreFailure.in(e) == null) throw e; // visible but not readable: no counts
            }
            String parent = f.parentId() == h.rootId() ? null : entry.get(f.parentId());
            out.add(new Folder(id, parent, f.name(), f.containerClass(), null, count, unread, false));
        }
        java.util.Set<String> parents = new java.util.HashSet<>();
        for (Folder f : out) if (f.parentId() != null) parents.add(f.parentId());
        out.replaceAll(f -> parents.contains(f.id()) ? new Folder(f.id(), f.parentId(), f.name(), f.containerClass(),
                f.special(), f.count(), f.unread(), true) : f);
        return out;
    }
}
