package org.zcp.store.directory.crypt;

/**
 * Checks a password against a crypt(3) string, as Unix shadow files and RFC 2307 {@code {CRYPT}} values keep it,
 * dispatching on the prefix to the algorithm that produced it.
 *
 * <p>Supported formats: {@code $1$} MD5-crypt ({@link Md5Crypt}), {@code $5$}/{@code $6$} SHA-256/SHA-512-crypt
 * (Drepper's specification, with {@code rounds=N$}; {@link ShaCrypt}), {@code $2a$}/{@code $2b$}/{@code $2y$}
 * bcrypt ({@link BCrypt}) and traditional 13 character DES crypt ({@link DesCrypt}). yescrypt ({@code $y$}),
 * scrypt ({@code $7$}) and others never match; {@link #supported} tells a caller so. Locked or disabled entries
 * ({@code !...}, {@code *...}) never match.
 *
 * <p>Passwords are encoded as UTF-8. A null or empty password never matches, nor does one containing NUL (C
 * implementations stop at NUL, so "pw\0junk" must not match "pw").
 */
public final class UnixCrypt {
    private UnixCrypt() {
    }

    /** Whether {@code password} matches a crypt(3) string such as the second field of /etc/shadow. */
    public static boolean matches(String password, String cryptString) {
        if (password == null || password.isEmpty() || cryptString == null || cryptString.isEmpty()) {
            return false;
        }
        char first = cryptString.charAt(0);
        if (first == '!' || first == '*') {
            return false; // locked or disabled account
        }
        byte[] pw = CryptSupport.utf8(password);
        for (byte b : pw) {
            if (b == 0) {
                return false; // C implementations stop at NUL; never let "pw\0junk" match "pw"
            }
        }
        if (cryptString.startsWith("$1$")) {
            return Md5Crypt.matches(pw, cryptString);
        }
        if (cryptString.startsWith("$5$")) {
            return ShaCrypt.matches(pw, cryptString, "SHA-256");
        }
        if (cryptString.startsWith("$6$")) {
            return ShaCrypt.matches(pw, cryptString, "SHA-512");
        }
        if (BCrypt.isPrefix(cryptString)) {
            return BCrypt.matches(pw, cryptString);
        }
        if (DesCrypt.isDesCrypt(cryptString)) {
            return DesCrypt.matches(pw, cryptString);
        }
        return false;
    }

    /**
     * Whether the format of the non-null crypt(3) string {@code s} is one {@link #matches} can check; false for
     * locked entries and unsupported formats. Only the prefix (or, for DES crypt, length and alphabet) is examined.
     */
    public static boolean supported(String s) {
        return s.startsWith("$1$") || s.startsWith("$5$") || s.startsWith("$6$") || BCrypt.isPrefix(s)
                || DesCrypt.isDesCrypt(s);
    }
}
