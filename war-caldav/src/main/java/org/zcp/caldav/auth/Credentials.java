package org.zcp.caldav.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** HTTP Basic credentials (RFC 7617), read as UTF-8. */
public record Credentials(String user, String password) {
    /** The credentials of an Authorization header, or null when there are none or they are malformed. */
    public static Credentials parse(String authorization) {
        if (authorization == null) return null;
        String h = authorization.trim();
        if (h.length() < 6 || !h.regionMatches(true, 0, "Basic ", 0, 6)) return null;
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) return null;
        return new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** The cache key: SHA-256 of user NUL password, so the cache holds no password. */
    public String key() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(user.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Credentials[" + user + "]"; // never the password in a log
    }
}
