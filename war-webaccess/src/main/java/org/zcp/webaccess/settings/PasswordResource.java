package org.zcp.webaccess.settings;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.zcp.store.api.StoreFailure;
import org.zcp.store.api.WebLogons;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.session.Guard;

/**
 * A user's own password change (the settings' password tab): the current password checked as at
 * a logon (throttled and audit-logged), the new one written by the user plugin where its directory
 * is writable (the DB plugin; LDAP and Unix passwords are changed in their directory: 400 with that
 * reason). The user's other sessions end; this one goes on.
 */
@Path("password")
@Consumes(MediaType.APPLICATION_JSON)
public class PasswordResource {
    public record Change(String current, String password) {
    }

    @EJB
    WebLogons logons;

    @PUT
    public Response change(Change in, @Context HttpServletRequest req) {
        String session = Guard.session(req).storeSession();
        if (in == null || in.current() == null || in.current().isEmpty()) throw ApiException.invalid("the current password");
        if (in.password() == null || in.password().isEmpty()) throw ApiException.invalid("a new password");
        try {
            logons.changePassword(session, in.current(), in.password(), req.getRemoteAddr());
        } catch (RuntimeException e) {
            StoreFailure f = StoreFailure.in(e);
            if (f != null && f.kind() == StoreFailure.Kind.NO_ACCESS) {
                throw new ApiException(403, "password", "the current password is not right");
            }
            throw e;
        }
        return Response.noContent().build();
    }
}
