package org.zcp.store.directory;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * Checks a clear-text password against a stored password value as LDAP directories keep it in
 * {@code userPassword} (RFC 2307 {@code {SCHEME}} prefix) and as Unix shadow files keep it (crypt(3) strings).
 *
 * <p>RFC 2307 schemes (names case-insensitive): {@code {SSHA}}, {@code {SHA}}, {@code {SSHA256}},
 * {@code {SHA256}}, {@code {SSHA384}}, {@code {SHA384}}, {@code {SSHA512}}, {@code {SHA512}}, {@code {SMD5}},
 * {@code {MD5}}, {@code {CLEARTEXT}}, {@code {PLAIN}} and {@code {CRYPT}} followed by a crypt(3) string. A value
 * without a scheme is clear text (OpenLDAP stores what it is given), except that a value shaped like crypt(3)
 * output ({@code $id$...}) or a locked shadow entry ({@code !}, {@code *}) is checked as a crypt(3) string, so that
 * a hash copied from a shadow file is never accepted as its own password.
 *
 * <p>crypt(3) formats: {@code $1$} MD5-crypt, {@code $5$}/{@code $6$} SHA-256/SHA-512-crypt (Drepper's
 * specification, with {@code rounds=N$}), {@code $2a$}/{@code $2b$}/{@code $2y$} bcrypt and traditional 13
 * character DES crypt. yescrypt ({@code $y$}), scrypt ({@code $7$}) and others never match; {@link #supported}
 * tells a caller so.
 *
 * <p>Passwords are encoded as UTF-8. A null or empty password never matches (an empty password would turn an LDAP
 * simple bind into an anonymous one). Digests are compared with {@link MessageDigest#isEqual}.
 */
public final class StoredPassword {
    private StoredPassword() {
    }

    /** Alphabet of MD5/SHA-crypt and DES crypt ("./0-9A-Za-z"). */
    private static final String CRYPT_B64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** Alphabet of bcrypt ("./A-Za-z0-9", standard base64 bit order). */
    private static final String BCRYPT_B64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static final int SHA_CRYPT_ROUNDS_DEFAULT = 5000;
    private static final int SHA_CRYPT_ROUNDS_MIN = 1000;
    private static final int SHA_CRYPT_ROUNDS_MAX = 999_999_999;

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
        if (password == null || password.isEmpty() || cryptString == null || cryptString.isEmpty()) {
            return false;
        }
        char first = cryptString.charAt(0);
        if (first == '!' || first == '*') {
            return false; // locked or disabled account
        }
        byte[] pw = utf8(password);
        for (byte b : pw) {
            if (b == 0) {
                return false; // C implementations stop at NUL; never let "pw\0junk" match "pw"
            }
        }
        if (cryptString.startsWith("$1$")) {
            return md5Crypt(pw, cryptString);
        }
        if (cryptString.startsWith("$5$")) {
            return shaCrypt(pw, cryptString, "SHA-256");
        }
        if (cryptString.startsWith("$6$")) {
            return shaCrypt(pw, cryptString, "SHA-512");
        }
        if (isBcryptPrefix(cryptString)) {
            return bcrypt(pw, cryptString);
        }
        if (isDesCrypt(cryptString)) {
            return desCrypt(pw, cryptString);
        }
        return false;
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
            return !looksLikeCrypt(stored) || supportedCrypt(stored);
        }
        String scheme = stored.substring(1, end).toUpperCase(Locale.ROOT);
        return switch (scheme) {
            case "SSHA", "SHA", "SSHA256", "SHA256", "SSHA384", "SHA384", "SSHA512", "SHA512", "SMD5", "MD5",
                 "CLEARTEXT", "PLAIN" -> true;
            case "CRYPT" -> supportedCrypt(stored.substring(end + 1));
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

    private static boolean supportedCrypt(String s) {
        return s.startsWith("$1$") || s.startsWith("$5$") || s.startsWith("$6$") || isBcryptPrefix(s)
                || isDesCrypt(s);
    }

    private static boolean isBcryptPrefix(String s) {
        return s.startsWith("$2a$") || s.startsWith("$2b$") || s.startsWith("$2y$");
    }

    private static boolean isDesCrypt(String s) {
        if (s.length() != 13) {
            return false;
        }
        for (int i = 0; i < 13; i++) {
            if (CRYPT_B64.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
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

    /** Appends {@code n} characters of the 24-bit value {@code w}, least significant 6 bits first. */
    private static void b64From24(StringBuilder out, int b2, int b1, int b0, int n) {
        int w = (b2 & 0xff) << 16 | (b1 & 0xff) << 8 | b0 & 0xff;
        for (int i = 0; i < n; i++) {
            out.append(CRYPT_B64.charAt(w & 0x3f));
            w >>>= 6;
        }
    }

    private static boolean equalsAscii(String computed, String stored) {
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII), utf8(stored));
    }

    // ------------------------------------------------------------------------------------------------ MD5-crypt

    /** Poul-Henning Kamp's MD5-based crypt: "$1$" salt (up to 8 characters) "$" 22 characters. */
    private static boolean md5Crypt(byte[] pw, String stored) {
        int saltEnd = stored.indexOf('$', 3);
        if (saltEnd < 0) {
            return false;
        }
        byte[] salt = utf8(stored.substring(3, saltEnd));
        if (salt.length > 8) {
            salt = Arrays.copyOf(salt, 8);
        }
        String hash = stored.substring(saltEnd + 1);

        MessageDigest alt = digest("MD5");
        alt.update(pw);
        alt.update(salt);
        alt.update(pw);
        byte[] altSum = alt.digest();

        MessageDigest ctx = digest("MD5");
        ctx.update(pw);
        ctx.update("$1$".getBytes(StandardCharsets.US_ASCII));
        ctx.update(salt);
        for (int left = pw.length; left > 0; left -= 16) {
            ctx.update(altSum, 0, Math.min(left, 16));
        }
        for (int i = pw.length; i != 0; i >>>= 1) {
            ctx.update((i & 1) != 0 ? 0 : pw[0]);
        }
        byte[] fin = ctx.digest();

        for (int i = 0; i < 1000; i++) {
            ctx.reset();
            if ((i & 1) != 0) {
                ctx.update(pw);
            } else {
                ctx.update(fin);
            }
            if (i % 3 != 0) {
                ctx.update(salt);
            }
            if (i % 7 != 0) {
                ctx.update(pw);
            }
            if ((i & 1) != 0) {
                ctx.update(fin);
            } else {
                ctx.update(pw);
            }
            fin = ctx.digest();
        }

        StringBuilder out = new StringBuilder(22);
        b64From24(out, fin[0], fin[6], fin[12], 4);
        b64From24(out, fin[1], fin[7], fin[13], 4);
        b64From24(out, fin[2], fin[8], fin[14], 4);
        b64From24(out, fin[3], fin[9], fin[15], 4);
        b64From24(out, fin[4], fin[10], fin[5], 4);
        b64From24(out, 0, 0, fin[11], 2);
        return equalsAscii(out.toString(), hash);
    }

    // ------------------------------------------------------------------------------------------------ SHA-crypt

    /** Output byte order of SHA-256-crypt: groups of three bytes, then (0, 31, 30) as three characters. */
    private static final int[] SHA256_ORDER = {0, 10, 20, 21, 1, 11, 12, 22, 2, 3, 13, 23, 24, 4, 14, 15, 25, 5, 6,
        16, 26, 27, 7, 17, 18, 28, 8, 9, 19, 29};
    /** Output byte order of SHA-512-crypt: groups of three bytes, then byte 63 as two characters. */
    private static final int[] SHA512_ORDER = {0, 21, 42, 22, 43, 1, 44, 2, 23, 3, 24, 45, 25, 46, 4, 47, 5, 26, 6,
        27, 48, 28, 49, 7, 50, 8, 29, 9, 30, 51, 31, 52, 10, 53, 11, 32, 12, 33, 54, 34, 55, 13, 56, 14, 35, 15, 36,
        57, 37, 58, 16, 59, 17, 38, 18, 39, 60, 40, 61, 19, 62, 20, 41};

    /** Ulrich Drepper's SHA-crypt: "$5$" or "$6$", optional "rounds=N$", salt (up to 16), "$", hash. */
    private static boolean shaCrypt(byte[] pw, String stored, String algorithm) {
        int pos = 3;
        int rounds = SHA_CRYPT_ROUNDS_DEFAULT;
        if (stored.startsWith("rounds=", pos)) {
            int numStart = pos + "rounds=".length();
            int numEnd = numStart;
            while (numEnd < stored.length() && stored.charAt(numEnd) >= '0' && stored.charAt(numEnd) <= '9') {
                numEnd++;
            }
            if (numEnd == numStart || numEnd >= stored.length() || stored.charAt(numEnd) != '$') {
                return false;
            }
            String digits = stored.substring(numStart, numEnd);
            long n = digits.length() > 10 ? Long.MAX_VALUE : Long.parseLong(digits);
            rounds = (int) Math.max(SHA_CRYPT_ROUNDS_MIN, Math.min(SHA_CRYPT_ROUNDS_MAX, n));
            pos = numEnd + 1;
        }
        int saltEnd = stored.indexOf('$', pos);
        if (saltEnd < 0) {
            return false;
        }
        byte[] salt = utf8(stored.substring(pos, saltEnd));
        if (salt.length > 16) {
            salt = Arrays.copyOf(salt, 16);
        }
        String hash = stored.substring(saltEnd + 1);

        MessageDigest md = digest(algorithm);
        int size = md.getDigestLength();

        // Digest B: password, salt, password.
        md.update(pw);
        md.update(salt);
        md.update(pw);
        byte[] b = md.digest();

        // Digest A: password, salt, B for each block of the password length, then by bits of the length.
        md.update(pw);
        md.update(salt);
        int left = pw.length;
        for (; left > size; left -= size) {
            md.update(b, 0, size);
        }
        md.update(b, 0, left);
        for (int i = pw.length; i > 0; i >>>= 1) {
            if ((i & 1) != 0) {
                md.update(b, 0, size);
            } else {
                md.update(pw);
            }
        }
        byte[] a = md.digest();

        // Digest DP: the password once per byte of the password; P: DP stretched to the password length.
        for (int i = 0; i < pw.length; i++) {
            md.update(pw);
        }
        byte[] p = stretch(md.digest(), pw.length);

        // Digest DS: the salt 16 + A[0] times; S: DS stretched to the salt length.
        for (int i = 0; i < 16 + (a[0] & 0xff); i++) {
            md.update(salt);
        }
        byte[] s = stretch(md.digest(), salt.length);

        byte[] c = a;
        for (int i = 0; i < rounds; i++) {
            boolean odd = (i & 1) != 0;
            md.update(odd ? p : c);
            if (i % 3 != 0) {
                md.update(s);
            }
            if (i % 7 != 0) {
                md.update(p);
            }
            md.update(odd ? c : p);
            c = md.digest();
        }

        StringBuilder out = new StringBuilder(size == 32 ? 43 : 86);
        int[] order = size == 32 ? SHA256_ORDER : SHA512_ORDER;
        for (int i = 0; i < order.length; i += 3) {
            b64From24(out, c[order[i]], c[order[i + 1]], c[order[i + 2]], 4);
        }
        if (size == 32) {
            b64From24(out, 0, c[31], c[30], 3);
        } else {
            b64From24(out, 0, 0, c[63], 2);
        }
        return equalsAscii(out.toString(), hash);
    }

    private static byte[] stretch(byte[] d, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i += d.length) {
            System.arraycopy(d, 0, out, i, Math.min(d.length, length - i));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ bcrypt

    /** bcrypt: "$2b$" cost (two digits, 04-31) "$" 22 characters salt (16 bytes) 31 characters hash (23 bytes). */
    private static boolean bcrypt(byte[] pw, String stored) {
        if (stored.length() != 60 || stored.charAt(6) != '$') {
            return false;
        }
        char d1 = stored.charAt(4);
        char d2 = stored.charAt(5);
        if (d1 < '0' || d1 > '9' || d2 < '0' || d2 > '9') {
            return false;
        }
        int cost = (d1 - '0') * 10 + d2 - '0';
        if (cost < 4 || cost > 31) {
            return false;
        }
        byte[] salt = bcryptDecode(stored.substring(7, 29), 16);
        byte[] expected = bcryptDecode(stored.substring(29), 23);
        if (salt == null || expected == null) {
            return false;
        }
        // Key: the password with its terminating NUL, at most 72 bytes (18 words); used cyclically.
        byte[] key = new byte[Math.min(pw.length + 1, 72)];
        System.arraycopy(pw, 0, key, 0, Math.min(pw.length, 72));

        Blowfish bf = new Blowfish();
        bf.expandKey(key, salt);
        for (long r = 1L << cost; r > 0; r--) {
            bf.expandKey(key, null);
            bf.expandKey(salt, null);
        }
        byte[] magic = "OrpheanBeholderScryDoubt".getBytes(StandardCharsets.US_ASCII);
        int[] data = new int[6];
        for (int i = 0; i < 6; i++) {
            data[i] = (magic[4 * i] & 0xff) << 24 | (magic[4 * i + 1] & 0xff) << 16 | (magic[4 * i + 2] & 0xff) << 8
                    | magic[4 * i + 3] & 0xff;
        }
        for (int i = 0; i < 64; i++) {
            bf.encrypt(data, 0);
            bf.encrypt(data, 2);
            bf.encrypt(data, 4);
        }
        byte[] result = new byte[23];
        for (int i = 0; i < 23; i++) {
            result[i] = (byte) (data[i / 4] >>> (24 - 8 * (i % 4)));
        }
        return MessageDigest.isEqual(result, expected);
    }

    /** Decodes bcrypt's base64 (no padding) into exactly {@code bytes} bytes; surplus low bits are ignored. */
    private static byte[] bcryptDecode(String s, int bytes) {
        if (s.length() != (bytes * 8 + 5) / 6) {
            return null;
        }
        byte[] out = new byte[bytes];
        int acc = 0;
        int bits = 0;
        int o = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = BCRYPT_B64.indexOf(s.charAt(i));
            if (v < 0) {
                return null;
            }
            acc = acc << 6 | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                if (o < bytes) {
                    out[o++] = (byte) (acc >>> bits);
                }
                acc &= (1 << bits) - 1;
            }
        }
        return out;
    }

    /** Blowfish with the expensive key schedule (EksBlowfish) as bcrypt uses it. */
    private static final class Blowfish {
        private final int[] p = new int[18];
        private final int[] s = new int[1024];

        Blowfish() {
            System.arraycopy(PiDigits.WORDS, 0, p, 0, 18);
            System.arraycopy(PiDigits.WORDS, 18, s, 0, 1024);
        }

        private int f(int x) {
            return ((s[x >>> 24] + s[256 | x >>> 16 & 0xff]) ^ s[512 | x >>> 8 & 0xff]) + s[768 | x & 0xff];
        }

        /** Encrypts the 64-bit block {@code lr[off], lr[off + 1]} in place. */
        void encrypt(int[] lr, int off) {
            int l = lr[off] ^ p[0];
            int r = lr[off + 1];
            for (int i = 1; i < 16; i += 2) {
                r ^= f(l) ^ p[i];
                l ^= f(r) ^ p[i + 1];
            }
            lr[off] = r ^ p[17];
            lr[off + 1] = l;
        }

        /**
         * XORs the cyclic key into P, then replaces P and the S-boxes by successive encryptions of the running
         * block, XORed with the cyclic salt first when a salt is given.
         */
        void expandKey(byte[] key, byte[] salt) {
            int[] kpos = {0};
            for (int i = 0; i < 18; i++) {
                p[i] ^= streamWord(key, kpos);
            }
            int[] spos = {0};
            int[] block = {0, 0};
            for (int i = 0; i < 18; i += 2) {
                if (salt != null) {
                    block[0] ^= streamWord(salt, spos);
                    block[1] ^= streamWord(salt, spos);
                }
                encrypt(block, 0);
                p[i] = block[0];
                p[i + 1] = block[1];
            }
            for (int i = 0; i < 1024; i += 2) {
                if (salt != null) {
                    block[0] ^= streamWord(salt, spos);
                    block[1] ^= streamWord(salt, spos);
                }
                encrypt(block, 0);
                s[i] = block[0];
                s[i + 1] = block[1];
            }
        }

        private static int streamWord(byte[] data, int[] pos) {
            int w = 0;
            for (int i = 0; i < 4; i++) {
                w = w << 8 | data[pos[0]] & 0xff;
                pos[0] = (pos[0] + 1) % data.length;
            }
            return w;
        }
    }

    /**
     * Blowfish's initial P-array and S-boxes: the first 18 + 1024 32-bit words of the fractional part of pi in
     * hexadecimal (0x243F6A88, 0x85A308D3, ...), computed once with Machin's formula
     * pi = 16 atan(1/5) - 4 atan(1/239) in fixed-point arithmetic.
     */
    private static final class PiDigits {
        static final int[] WORDS = compute(18 + 1024);

        private static int[] compute(int count) {
            int guard = 64;
            int bits = count * 32 + guard;
            BigInteger one = BigInteger.ONE.shiftLeft(bits);
            BigInteger pi = arctanInverse(5, one).shiftLeft(4).subtract(arctanInverse(239, one).shiftLeft(2));
            BigInteger fraction = pi.subtract(BigInteger.valueOf(3).shiftLeft(bits)).shiftRight(guard);
            byte[] raw = fraction.toByteArray(); // big-endian, possibly shorter or with a sign byte
            byte[] be = new byte[count * 4];
            int copy = Math.min(raw.length, be.length);
            System.arraycopy(raw, raw.length - copy, be, be.length - copy, copy);
            int[] words = new int[count];
            for (int i = 0; i < count; i++) {
                words[i] = (be[4 * i] & 0xff) << 24 | (be[4 * i + 1] & 0xff) << 16 | (be[4 * i + 2] & 0xff) << 8
                        | be[4 * i + 3] & 0xff;
            }
            return words;
        }

        /** atan(1/x) scaled by {@code one}: sum of (-1)^k / ((2k+1) x^(2k+1)). */
        private static BigInteger arctanInverse(int x, BigInteger one) {
            BigInteger xSquared = BigInteger.valueOf((long) x * x);
            BigInteger power = one.divide(BigInteger.valueOf(x));
            BigInteger sum = power;
            for (int k = 1; power.signum() != 0; k++) {
                power = power.divide(xSquared);
                BigInteger term = power.divide(BigInteger.valueOf(2L * k + 1));
                sum = (k & 1) != 0 ? sum.subtract(term) : sum.add(term);
            }
            return sum;
        }
    }

    // ------------------------------------------------------------------------------------------------ DES crypt

    /** Traditional crypt(3): two salt characters and 11 characters of 25 DES encryptions of a zero block. */
    private static boolean desCrypt(byte[] pw, String stored) {
        int salt = CRYPT_B64.indexOf(stored.charAt(0)) | CRYPT_B64.indexOf(stored.charAt(1)) << 6;
        // Each salt bit k swaps entries k and k + 24 of the expansion table.
        byte[] e = Des.E.clone();
        for (int k = 0; k < 12; k++) {
            if ((salt >>> k & 1) != 0) {
                byte t = e[k];
                e[k] = e[k + 24];
                e[k + 24] = t;
            }
        }
        // Key: the 7 low bits of each of the first 8 password bytes, shifted left past the parity bit.
        long key = 0;
        for (int i = 0; i < 8; i++) {
            key = key << 8 | (i < pw.length ? pw[i] << 1 & 0xfe : 0);
        }
        long[] subkeys = Des.keySchedule(key);
        long block = 0;
        for (int i = 0; i < 25; i++) {
            block = Des.encrypt(block, subkeys, e);
        }
        StringBuilder out = new StringBuilder(13).append(stored, 0, 2);
        for (int i = 0; i < 10; i++) {
            out.append(CRYPT_B64.charAt((int) (block >>> (58 - 6 * i)) & 0x3f));
        }
        out.append(CRYPT_B64.charAt((int) (block << 2) & 0x3f));
        return equalsAscii(out.toString(), stored);
    }

    /** The Data Encryption Standard (FIPS 46), bit-permutation form; tables are 1-based, bit 1 most significant. */
    private static final class Des {
        static final byte[] IP = {58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4, 62, 54, 46, 38, 30,
            22, 14, 6, 64, 56, 48, 40, 32, 24, 16, 8, 57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3, 61,
            53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31, 23, 15, 7};
        static final byte[] FP = inverse(IP);
        static final byte[] PC1 = {57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27,
            19, 11, 3, 60, 52, 44, 36, 63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37,
            29, 21, 13, 5, 28, 20, 12, 4};
        static final byte[] PC2 = {14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20,
            13, 2, 41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32};
        static final int[] SHIFTS = {1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1};
        static final byte[] E = {32, 1, 2, 3, 4, 5, 4, 5, 6, 7, 8, 9, 8, 9, 10, 11, 12, 13, 12, 13, 14, 15, 16, 17,
            16, 17, 18, 19, 20, 21, 20, 21, 22, 23, 24, 25, 24, 25, 26, 27, 28, 29, 28, 29, 30, 31, 32, 1};
        static final byte[] P = {16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27,
            3, 9, 19, 13, 30, 6, 22, 11, 4, 25};
        /** S-boxes S1..S8, each four rows of 16. */
        static final byte[][] S = {
            {14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7,
                0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8,
                4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0,
                15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13},
            {15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10,
                3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5,
                0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15,
                13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9},
            {10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8,
                13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1,
                13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7,
                1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12},
            {7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15,
                13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9,
                10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4,
                3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14},
            {2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9,
                14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6,
                4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14,
                11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3},
            {12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11,
                10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8,
                9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6,
                4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13},
            {4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1,
                13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6,
                1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2,
                6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12},
            {13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7,
                1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2,
                7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8,
                2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11}};

        private static byte[] inverse(byte[] table) {
            byte[] inv = new byte[table.length];
            for (int i = 0; i < table.length; i++) {
                inv[table[i] - 1] = (byte) (i + 1);
            }
            return inv;
        }

        /** Output bit i (from the most significant) is input bit table[i] of an {@code width}-bit value. */
        private static long permute(long in, int width, byte[] table) {
            long out = 0;
            for (byte t : table) {
                out = out << 1 | in >>> (width - t) & 1;
            }
            return out;
        }

        static long[] keySchedule(long key) {
            long cd = permute(key, 64, PC1);
            int c = (int) (cd >>> 28) & 0xfffffff;
            int d = (int) cd & 0xfffffff;
            long[] subkeys = new long[16];
            for (int round = 0; round < 16; round++) {
                int n = SHIFTS[round];
                c = (c << n | c >>> (28 - n)) & 0xfffffff;
                d = (d << n | d >>> (28 - n)) & 0xfffffff;
                subkeys[round] = permute((long) c << 28 | d, 56, PC2);
            }
            return subkeys;
        }

        static long encrypt(long block, long[] subkeys, byte[] e) {
            long ip = permute(block, 64, IP);
            int l = (int) (ip >>> 32);
            int r = (int) ip;
            for (int round = 0; round < 16; round++) {
                long x = permute(r & 0xffffffffL, 32, e) ^ subkeys[round];
                int sOut = 0;
                for (int box = 0; box < 8; box++) {
                    int six = (int) (x >>> (42 - 6 * box)) & 0x3f;
                    int row = six >>> 4 & 2 | six & 1;
                    int col = six >>> 1 & 0xf;
                    sOut = sOut << 4 | S[box][row * 16 + col];
                }
                int f = (int) permute(sOut & 0xffffffffL, 32, P);
                int t = r;
                r = l ^ f;
                l = t;
            }
            return permute((long) r << 32 | l & 0xffffffffL, 64, FP);
        }
    }
}
