package org.zcp.store.directory.crypt;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * bcrypt ({@code $2a$}, {@code $2b$}, {@code $2y$}, treated alike) as described by Niels Provos and David
 * Mazières, "A Future-Adaptable Password Scheme" (USENIX 1999), with the OpenBSD encoding:
 * {@code "$2b$" cost "$" salt hash}, the cost two digits 04..31 (2^cost rounds of the key schedule), the salt 22
 * characters (16 bytes) and the hash 31 characters (the first 23 of the 24 bytes of "OrpheanBeholderScryDoubt"
 * encrypted 64 times). The key is the password with its terminating NUL, cut to 72 bytes. The cipher is Blowfish
 * (Bruce Schneier, "Description of a New Variable-Length Key, 64-Bit Block Cipher", FSE 1993) with bcrypt's
 * expensive key schedule.
 */
final class BCrypt {
    private BCrypt() {
    }

    /** Alphabet of bcrypt ("./A-Za-z0-9", standard base64 bit order). */
    private static final String BCRYPT_B64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** Whether {@code s} starts with one of the bcrypt prefixes this class accepts. */
    static boolean isPrefix(String s) {
        return s.startsWith("$2a$") || s.startsWith("$2b$") || s.startsWith("$2y$");
    }

    /** Whether the password {@code pw} (UTF-8, no NUL) matches {@code stored}, a 60 character bcrypt string. */
    static boolean matches(byte[] pw, String stored) {
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
        byte[] salt = decode(stored.substring(7, 29), 16);
        byte[] expected = decode(stored.substring(29), 23);
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
    private static byte[] decode(String s, int bytes) {
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
}
