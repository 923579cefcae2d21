package org.zcp.store.directory.crypt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Helpers shared by the crypt(3) algorithms: the "./0-9A-Za-z" base64 alphabet and its little-endian 24-bit
 * encoding as used by MD5-crypt and SHA-crypt, message digests and a constant-time comparison of the computed
 * string with the stored one.
 */
final class CryptSupport {
    private CryptSupport() {
    }

    /** Alphabet of MD5/SHA-crypt and DES crypt ("./0-9A-Za-z"). */
    static final String CRYPT_B64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " not available", e);
        }
    }

    /** Appends {@code n} characters of the 24-bit value {@code w}, least significant 6 bits first. */
    static void b64From24(StringBuilder out, int b2, int b1, int b0, int n) {
        int w = (b2 & 0xff) << 16 | (b1 & 0xff) << 8 | b0 & 0xff;
        for (int i = 0; i < n; i++) {
            out.append(CRYPT_B64.charAt(w & 0x3f));
            w >>>= 6;
        }
    }

    /** Compares the computed (ASCII) string with the stored one in time independent of their contents. */
    static boolean equalsAscii(String computed, String stored) {
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII), utf8(stored));
    }
}
