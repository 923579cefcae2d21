package org.zcp.store.directory.crypt;

import static org.zcp.store.directory.crypt.CryptSupport.b64From24;
import static org.zcp.store.directory.crypt.CryptSupport.digest;
import static org.zcp.store.directory.crypt.CryptSupport.equalsAscii;
import static org.zcp.store.directory.crypt.CryptSupport.utf8;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * SHA-256-crypt ({@code $5$}) and SHA-512-crypt ({@code $6$}) as specified by Ulrich Drepper in "Unix crypt using
 * SHA-256 and SHA-512" (https://www.akkadia.org/drepper/SHA-crypt.txt): {@code "$5$" ["rounds=" N "$"] salt "$"
 * hash}. The salt is up to 16 characters (longer salts are cut); N defaults to 5000 and is clamped to
 * 1000..999,999,999; the hash is 43 (SHA-256) or 86 (SHA-512) characters.
 */
final class ShaCrypt {
    private ShaCrypt() {
    }

    private static final int ROUNDS_DEFAULT = 5000;
    private static final int ROUNDS_MIN = 1000;
    private static final int ROUNDS_MAX = 999_999_999;

    /** Output byte order of SHA-256-crypt: groups of three bytes, then (0, 31, 30) as three characters. */
    private static final int[] SHA256_ORDER = {0, 10, 20, 21, 1, 11, 12, 22, 2, 3, 13, 23, 24, 4, 14, 15, 25, 5, 6,
        16, 26, 27, 7, 17, 18, 28, 8, 9, 19, 29};
    /** Output byte order of SHA-512-crypt: groups of three bytes, then byte 63 as two characters. */
    private static final int[] SHA512_ORDER = {0, 21, 42, 22, 43, 1, 44, 2, 23, 3, 24, 45, 25, 46, 4, 47, 5, 26, 6,
        27, 48, 28, 49, 7, 50, 8, 29, 9, 30, 51, 31, 52, 10, 53, 11, 32, 12, 33, 54, 34, 55, 13, 56, 14, 35, 15, 36,
        57, 37, 58, 16, 59, 17, 38, 18, 39, 60, 40, 61, 19, 62, 20, 41};

    /**
     * Whether the password {@code pw} (UTF-8, no NUL) matches {@code stored}, which starts with "$5$" or "$6$";
     * {@code algorithm} is the matching JCA digest name, "SHA-256" or "SHA-512".
     */
    static boolean matches(byte[] pw, String stored, String algorithm) {
        int pos = 3;
        int rounds = ROUNDS_DEFAULT;
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
            rounds = (int) Math.max(ROUNDS_MIN, Math.min(ROUNDS_MAX, n));
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

    /** {@code d} repeated and cut to {@code length} bytes (the P and S sequences of the specification). */
    private static byte[] stretch(byte[] d, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i += d.length) {
            System.arraycopy(d, 0, out, i, Math.min(d.length, length - i));
        }
        return out;
    }
}
