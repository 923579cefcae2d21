package org.zcp.webaccess.session;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.zcp.webaccess.ApiException;

/**
 * Before every API call (docs/webaccess.md): the web session from the cookie (401 without one),
 * and for every call that changes something the CSRF token in {@value #CSRF_HEADER} and, when the
 * browser names one, an Origin of this server (403 otherwise: nothing is done). The logon itself
 * needs neither a session nor a token, but a foreign Origin is refused there too (login CSRF).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class Guard implements ContainerRequestFilter {
    public static final String COOKIE = "ZARAFA_WEBACCESS";
    public static final String CSRF_HEADER = "X-ZCP-CSRF";
    static final String SESSION = "zcp.webaccess.session";
    static final String COOKIE_VALUE = "zcp.webaccess.cookie";

    @EJB
    WebSessions sessions;

    @Override
    public void filter(ContainerRequestContext req) {
        String path = req.getUriInfo().getPath().replaceAll("^/+|/+$", "");
        String method = req.getMethod();
        boolean safe = method.equals("GET") || method.equals("HEAD");
        if (!safe) checkOrigin(req);
        if (path.equals("openapi.yaml") || path.equals("session") && (method.equals("POST") || safe)) return;
        Cookie c = req.getCookies().get(COOKIE);
        String value = c == null ? null : c.getValue();
        WebSession s = path.equals("events") ? sessions.peek(value) : sessions.use(value);
        if (s == null) throw ApiException.session();
        if (!safe) {
            String token = req.getHeaderString(CSRF_HEADER);
            if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                    s.csrf().getBytes(StandardCharsets.UTF_8))) {
                throw new ApiException(403, "csrf", "the request did not carry this session's token; reload the page");
            }
        }
        req.setProperty(SESSION, s);
        req.setProperty(COOKIE_VALUE, value);
    }

    /** The session the guard found for this request (RESTEasy keeps request properties as servlet request attributes). */
    public static WebSession session(jakarta.servlet.http.HttpServletRequest req) {
        WebSession s = (WebSession) req.getAttribute(SESSION);
        if (s == null) throw ApiException.session();
        return s;
    }

    static String cookie(jakarta.servlet.http.HttpServletRequest req) {
        return (String) req.getAttribute(COOKIE_VALUE);
    }

    private static void checkOrigin(ContainerRequestContext req) {
        String origin = req.getHeaderString("Origin");
        if (origin == null || origin.isEmpty()) return;
        URI self = req.getUriInfo().getBaseUri();
        String host = req.getHeaderString("Host");
        try {
            URI o = URI.create(origin);
            String authority = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
            boolean same = host != null ? host.equalsIgnoreCase(authority)
                    || host.equalsIgnoreCase(authority + ":" + (o.getScheme().equals("https") ? 443 : 80))
                    : authority.equalsIgnoreCase(self.getAuthority());
            if (same) return;
        } catch (RuntimeException e) {
            // an Origin that is not a URL ("null" from a sandboxed frame) is not ours
        }
        throw new ApiException(403, "csrf", "the request came from another site");
    }
}
