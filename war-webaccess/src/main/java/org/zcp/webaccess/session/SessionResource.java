package org.zcp.webaccess.session;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.zcp.store.api.StoreFailure;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.Settings;

/** Logon, the current session, language, logoff (docs/webaccess.md). */
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {
    /** A logon's body. */
    public record Credentials(String user, String password, String language) {
    }

    /** Who is logged on, the token for changing calls, the language and the server's time zone. */
    public record Info(Map<String, String> user, String csrf, String language, String timezone, long maxUpload) {
    }

    @EJB
    WebSessions sessions;

    @Context
    HttpServletRequest http;

    @POST
    public Response logon(Credentials c, @CookieParam(Guard.COOKIE) String old) {
        if (c == null || c.user() == null || c.user().isBlank() || c.password() == null) {
            throw ApiException.invalid("a user name and a password are needed");
        }
        String language = Settings.LANGUAGES.contains(c.language()) ? c.language() : Settings.language();
        if (old != null) sessions.logoff(old);
        Map.Entry<String, WebSession> s;
        try {
            s = sessions.logon(c.user().strip(), c.password(), http.getRemoteAddr(), language);
        } catch (RuntimeException e) {
            StoreFailure f = StoreFailure.in(e);
            if (f != null && f.kind() == StoreFailure.Kind.NO_ACCESS) {
                throw new ApiException(401, "logon", "wrong user name or password");
            }
            throw e;
        }
        return Response.ok(info(s.getValue())).cookie(cookie(s.getKey(), Settings.sessionTimeoutSeconds())).build();
    }

    @GET
    public Info current(@CookieParam(Guard.COOKIE) String cookie) {
        WebSession s = sessions.use(cookie);
        if (s == null) throw ApiException.session();
        return info(s);
    }

    /** Changes the session's language (the client also remembers it for the next logon). */
    @PATCH
    public Info language(Map<String, String> body, @Context HttpServletRequest req) {
        WebSession s = Guard.session(req);
        String l = body == null ? null : body.get("language");
        if (!Settings.LANGUAGES.contains(l)) throw ApiException.invalid("languages: " + Settings.LANGUAGES);
        sessions.language(s, l);
        return info(s);
    }

    @DELETE
    public Response logoff(@Context HttpServletRequest req) {
        sessions.logoff(Guard.cookie(req));
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    private static Info info(WebSession s) {
        return new Info(Map.of("login", s.login(), "fullName", nz(s.fullName()), "email", nz(s.email())), s.csrf(),
                s.language(), Settings.timezone(), Settings.maxUpload());
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(Guard.COOKIE).value(value).path(http.getContextPath()).httpOnly(true)
                .secure(http.isSecure()).sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge > 0 ? -1 : 0).build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
