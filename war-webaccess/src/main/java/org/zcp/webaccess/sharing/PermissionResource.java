package org.zcp.webaccess.sharing;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zcp.store.api.MapiObjects;
import org.zcp.store.api.mapi.AclEntry;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.Props;
import org.zcp.webaccess.session.Guard;

/**
 * A folder's permissions (its ACL) as the permission dialog shows them: members with their MAPI
 * rights and the role those rights are (docs/webaccess.md). Reading and changing them is the
 * store's check (the folder's owner right, as MAPI clients have it).
 */
@Path("folders/{id}/permissions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PermissionResource {
    /** The roles of Outlook's dialog, by their rights (folder visible included), in the dialog's order. */
    static final Map<String, Integer> ROLES = roles();

    private static Map<String, Integer> roles() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("owner", 0x7FB);
        m.put("publishingEditor", 0x4FB);
        m.put("editor", 0x47B);
        m.put("publishingAuthor", 0x49B);
        m.put("author", 0x41B);
        m.put("nonEditingAuthor", 0x413);
        m.put("reviewer", 0x401);
        m.put("contributor", 0x402);
        m.put("none", 0x0);
        return m;
    }

    /** Every right the dialog offers: the folder rights and free/busy simple and detailed. */
    static final int ALL_RIGHTS = 0x7FB | 0x800 | 0x1000;

    public record Permission(String user, String name, String type, int rights, String role) {
    }

    public record Permissions(List<Permission> permissions) {
    }

    @EJB
    MapiObjects mapi;

    @GET
    public Permissions get(@PathParam("id") String id, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        List<Permission> out = new ArrayList<>();
        for (AclEntry e : mapi.acl(session, Props.id(id))) {
            out.add(new Permission(e.memberName, e.memberName, e.memberType, e.rights, role(e.rights)));
        }
        return new Permissions(out);
    }

    @PUT
    public Response put(@PathParam("id") String id, Permissions in, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        if (in == null || in.permissions() == null) throw ApiException.invalid("permissions");
        if (in.permissions().size() > 500) throw ApiException.invalid("at most 500 members");
        List<AclEntry> acl = new ArrayList<>();
        for (Permission p : in.permissions()) {
            if (p == null || p.user() == null || p.user().isBlank() || p.user().length() > 256) {
                throw ApiException.invalid("a member needs a user");
            }
            if ((p.rights() & ~ALL_RIGHTS) != 0) throw ApiException.invalid("unknown rights 0x" + Integer.toHexString(p.rights()));
            acl.add(new AclEntry(p.user().strip(), "group".equals(p.type()) ? "group" : "user", p.rights()));
        }
        // the store's setAcl changes the members it is given: those left out are given rights 0 (removed)
        for (AclEntry e : mapi.acl(session, Props.id(id))) {
            if (acl.stream().noneMatch(a -> a.memberName.equalsIgnoreCase(e.memberName))) {
                acl.add(new AclEntry(e.memberName, e.memberType, 0));
            }
        }
        mapi.setAcl(session, Props.id(id), acl);
        return Response.noContent().build();
    }

    /** The role of a set of rights (free/busy rights aside, which any role of a calendar may add); "custom" for others. */
    static String role(int rights) {
        int folder = rights & 0x7FF;
        for (Map.Entry<String, Integer> r : ROLES.entrySet()) {
            if (r.getValue() == folder) return r.getKey();
        }
        return folder == 0x400 ? "none" : "custom";
    }
}
