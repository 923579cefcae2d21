package org.zcp.webaccess;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The headers every answer of the web client carries (docs/webaccess.md): a strict content
 * security policy (scripts and styles only from here, nothing inline, no plugins, not framed by
 * other sites), no MIME sniffing, no referrer; API answers are never cached.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {
    private static final long serialVersionUID = 1L;
    static final java.util.regex.Pattern BODY = java.util.regex.Pattern.compile("/api/messages/[0-9A-Fa-f]+/body");
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " frame-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none';"
            + " form-action 'self'";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        // a message body is shown in the reader's frame and brings its own, stricter policy
        if (!BODY.matcher(path).matches()) {
            res.setHeader("Content-Security-Policy", POLICY);
            res.setHeader("X-Frame-Options", "DENY");
        }
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Referrer-Policy", "no-referrer");
        res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (req.isSecure()) res.setHeader("Strict-Transport-Security", "max-age=31536000");
        if (path.startsWith("/api/")) res.setHeader("Cache-Control", "no-store");
        else res.setHeader("Cache-Control", "no-cache");
        chain.doFilter(req, res);
    }
}
