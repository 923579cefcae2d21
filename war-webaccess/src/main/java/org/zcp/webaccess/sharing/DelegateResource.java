package org.zcp.webaccess.sharing;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.zcp.store.api.MapiObjects;
import org.zcp.store.api.WebLogons;
import org.zcp.store.api.mapi.AclEntry;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.mail.Mailbox;
import org.zcp.webaccess.session.Guard;
import org.zcp.webaccess.session.WebSession;

/**
 * Delegates (docs/webaccess.md, "Sharing"): people who work in the user's calendar, tasks, Inbox,
 * contacts and notes, each with a role per folder as Outlook's delegate dialog sets them. The
 * roles are the folders' permissions (the store's ACLs, what every client honours); the delegates
 * themselves are listed where Outlook lists them, in the store's LocalFreebusy message
 * (MapiObjects.delegates), which lets them send on the user's behalf (manual 8.3.5).
 */
@Path("delegates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DelegateResource {
    /** The folders a delegate gets rights on, by the special name the folder tree gives them. */
    static final List<String> FOLDERS = List.of("calendar", "tasks", "inbox", "contacts", "notes");
    static final int MAX_DELEGATES = 50;

    public record Delegate(String user, String name, Map<String, String> roles) {
    }

    public record Delegates(List<Delegate> delegates) {
    }

    @EJB
    MapiObjects mapi;

    @EJB
    WebLogons logons;

    @GET
    public Delegates get(@Context HttpServletRequest req) {
        WebSession ws = Guard.session(req);
        String session = ws.storeSession();
        Map<String, String> folders = folders(ws);
        List<Delegate> out = new ArrayList<>();
        for (String user : mapi.delegates(session)) {
            Map<String, String> roles = new LinkedHashMap<>();
            for (var f : folders.entrySet()) {
                int rights = 0;
                for (AclEntry e : mapi.acl(session, f.getValue())) if (e.memberName.equalsIgnoreCase(user)) rights = e.rights;
                roles.put(f.getKey(), PermissionResource.role(rights));
            }
            WebLogons.Who who = logons.user(session, user);
            out.add(new Delegate(user, who == null ? user : who.fullName(), roles));
        }
        return new Delegates(out);
    }

    /**
     * Replaces the delegates: each one's rights on the five folders set to the roles given (none
     * takes them away), former delegates' rights on them taken away (as Outlook's delegate dialog
     * does), other members of the folders' permissions left as they are.
     */
    @PUT
    public Response put(Delegates in, @Context HttpServletRequest req) {
        WebSession ws = Guard.session(req);
        String session = ws.storeSession();
        if (in == null || in.delegates() == null || in.delegates().size() > MAX_DELEGATES) {
            throw ApiException.invalid("at most " + MAX_DELEGATES + " delegates");
        }
        Map<String, Map<String, Integer>> wanted = new LinkedHashMap<>();
        for (Delegate d : in.delegates()) {
            if (d == null || d.user() == null || d.user().isBlank()) throw ApiException.invalid("a delegate needs a user");
            WebLogons.Who who = logons.user(session, d.user().strip());
            if (who == null) throw new ApiException(404, "not-found", "no user " + d.user().strip());
            if (who.loginName().equalsIgnoreCase(ws.login())) throw ApiException.invalid("you cannot be your own delegate");
            Map<String, Integer> rights = new LinkedHashMap<>();
            for (String f : FOLDERS) {
                String role = d.roles() == null ? null : d.roles().get(f);
                Integer r = PermissionResource.ROLES.get(role == null ? "none" : role);
                if (r == null) throw ApiException.invalid("roles: " + PermissionResource.ROLES.keySet());
                rights.put(f, r);
            }
            wanted.put(who.loginName(), rights);
        }
        List<String> former = mapi.delegates(session);
        for (var f : folders(ws).entrySet()) {
            // the store's setAcl changes the members it is given (rights 0: removed) and keeps the others
            List<AclEntry> change = new ArrayList<>();
            for (String old : former) {
                if (wanted.keySet().stream().noneMatch(old::equalsIgnoreCase)) {
                    WebLogons.Who who = logons.user(session, old);
                    if (who != null) change.add(new AclEntry(who.loginName(), "user", 0));
                }
            }
            for (var w : wanted.entrySet()) change.add(new AclEntry(w.getKey(), "user", w.getValue().get(f.getKey())));
            if (!change.isEmpty()) mapi.setAcl(session, f.getValue(), change);
        }
        mapi.setDelegates(session, new ArrayList<>(wanted.keySet()));
        return Response.noContent().build();
    }

    /** The user's five delegate folders by name, as entry ids (those the store has). */
    private Map<String, String> folders(WebSession ws) {
        Map<String, String> bySpecial = new LinkedHashMap<>();
        Mailbox box = Mailbox.of(mapi, ws);
        for (var e : box.specialById().entrySet()) bySpecial.put(e.getValue().toLowerCase(Locale.ROOT), e.getKey());
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : FOLDERS) if (bySpecial.containsKey(f)) out.put(f, bySpecial.get(f));
        return out;
    }
}
