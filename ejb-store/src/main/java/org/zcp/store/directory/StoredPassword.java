package org.zcp.store.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import org.zcp.store.directory.crypt.UnixCrypt;

/**
 * Checks a clear-text password against a stored password value as LDAP directories keep it in
 * {@code userPassword} (RFC 2307 {@code {SCHEME}} prefix) and as Unix shadow files keep it (crypt(3) strings).
 *
 * <p>RFC 2307 schemes (names case-insensitive): {@code {SSHA}}, {@code {SHA}}, {@code {SSHA256}},
 * {@code {SHA256}}, {@code {SSHA384}}, {@code {SHA384}}, {@code {SSHA512}}, {@code {SHA512}}, {@code {SMD5}},
 * {@code {MD5}}, {@code {CLEARTEXT}}, {@code {PLAIN}} and {@code {CRYPT}} followed by a crypt(3) string. The digest
 * schemes are base64 of the digest of the password ({@code {SHA}}, {@code {MD5}}, ...) or of the digest of password
 * and salt followed by the salt ({@code {SSHA}}, {@code {SMD5}}, ...), as OpenLDAP's slappasswd and its pw-sha2
 * module produce them. A value without a scheme is clear text (OpenLDAP stores what it is given), except that a
 * value shaped like crypt(3) output ({@code $id$...}) or a locked shadow entry ({@code !}, {@code *}) is checked as
 * a crypt(3) string, so that a hash copied from a shadow file is never accepted as its own password.
 *
 * <p>crypt(3) strings are checked by {@link UnixCrypt}: {@code $1$} MD5-crypt, {@code $5$}/{@code $6$}
 * SHA-256/SHA-512-crypt (Drepper's specification, with {@code rounds=N$}), {@code $2a$}/{@code $2b$}/{@code $2y$}
 * bcrypt and traditional 13 character DES crypt. yescrypt ({@code $y$}), scrypt ({@code $7$}) and others never
 * match; {@link #supported} tells a caller so.
 *
 * <p>Passwords are encoded as UTF-8. A null or empty password never matches (an empty password would turn an LDAP
 * simple bind into an anonymous one). Digests are compared with {@link MessageDigest#isEqual}.
 */
public final class StoredPassword {
    private StoredPassword() {
    }

    // ------------------------------------------------------------------------------------------------ public API

    /**
     * Whether {@code password} matches {@code stored}, an attribute value such as {@code userPassword} read as
     * UTF-8 text.
     */
    public static boolean matches(String password, String stored) {
        if (password == null || password.isEmpty() || stored == null || stored.isEmpty()) {
            return false;
        }
        int end = schemeEnd(stored);
        if (end < 0) {
            if (looksLikeCrypt(stored)) {
                return matchesCrypt(password, stored);
            }
            return clearTextEquals(password, stored);
        }
        String scheme = stored.substring(1, end).toUpperCase(Locale.ROOT);
        String value = stored.substring(end + 1);
        return switch (scheme) {
            case "SSHA" -> saltedDigest(password, value, "SHA-1");
            case "SHA" -> plainDigest(password, value, "SHA-1");
            case "SSHA256" -> saltedDigest(password, value, "SHA-256");
            case "SHA256" -> plainDigest(password, value, "SHA-256");
            case "SSHA384" -> saltedDigest(password, value, "SHA-384");
            case "SHA384" -> plainDigest(password, value, "SHA-384");
            case "SSHA512" -> saltedDigest(password, value, "SHA-512");
            case "SHA512" -> plainDigest(password, value, "SHA-512");
            case "SMD5" -> saltedDigest(password, value, "MD5");
            case "MD5" -> plainDigest(password, value, "MD5");
            case "CLEARTEXT", "PLAIN" -> !value.isEmpty() && clearTextEquals(password, value);
            case "CRYPT" -> matchesCrypt(password, value);
            default -> false;
        };
    }

    /** Whether {@code password} matches a crypt(3) string such as the second field of /etc/shadow. */
    public static boolean matchesCrypt(String password, String cryptString) {
        return UnixCrypt.matches(password, cryptString);
    }

    /**
     * Whether the scheme of {@code stored} (an attribute value or a crypt(3) string) is one this class can check.
     * False for null or empty values, unknown RFC 2307 schemes ({@code {SASL}}, {@code {K5KEY}},
     * {@code {ARGON2}}, ...), unsupported crypt(3) formats ({@code $y$}, {@code $7$}, ...) and locked shadow
     * entries. Only the scheme is examined, not whether the rest of the value is well formed.
     */
    public static boolean supported(String stored) {
        if (stored == null || stored.isEmpty()) {
            return false;
        }
        int end = schemeEnd(stored);
        if (end < 0) {
            return !looksLikeCrypt(stored) || UnixCrypt.supported(stored);
        }
        String scheme = stored.substring(1, end).toUpperCase(Locale.ROOT);
        return switch (scheme) {
            case "SSHA", "SHA", "SSHA256", "SHA256", "SSHA384", "SHA384", "SSHA512", "SHA512", "SMD5", "MD5",
                 "CLEARTEXT", "PLAIN" -> true;
            case "CRYPT" -> UnixCrypt.supported(stored.substring(end + 1));
            default -> false;
        };
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Index of the '}' closing a leading "{SCHEME}", or -1 when the value has no such prefix. */
    private static int schemeEnd(String s) {
        if (s.charAt(0) != '{') {
            return -1;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '}') {
                return i > 1 ? i : -1;
            }
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
                    || c == '_' || c == '.' || c == '+';
            if (!ok) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean looksLikeCrypt(String s) {
        char c = s.charAt(0);
        return c == '$' || c == '!' || c == '*';
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " not available", e);
        }
    }

    /** Compares digests of both sides so that neither content nor length of the stored value leaks via timing. */
    private static boolean clearTextEquals(String password, String stored) {
        return MessageDigest.isEqual(digest("SHA-256").digest(utf8(password)),
                digest("SHA-256").digest(utf8(stored)));
    }

    private static byte[] base64(String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {SHA}, {MD5}, ...: base64 of the digest of the password. */
    private static boolean plainDigest(String password, String value, String algorithm) {
        byte[] decoded = base64(value);
        MessageDigest md = digest(algorithm);
        if (decoded == null || decoded.length != md.getDigestLength()) {
            return false;
        }
        return MessageDigest.isEqual(md.digest(utf8(password)), decoded);
    }

    /** {SSHA}, {SMD5}, ...: base64 of digest(password + salt) followed by the salt (at least one byte). */
    private static boolean saltedDigest(String password, String value, String algorithm) {
        byte[] decoded = base64(value);
        MessageDigest md = digest(algorithm);
        int len = md.getDigestLength();
        if (decoded == null || decoded.length <= len) {
            return false;
        }
        md.update(utf8(password));
        md.update(decoded, len, decoded.length - len);
        byte[] expected = Arrays.copyOf(decoded, len);
        return MessageDigest.isEqual(md.digest(), expected);
    }
}
