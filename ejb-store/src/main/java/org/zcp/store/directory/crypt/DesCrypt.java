package org.zcp.store.directory.crypt;

import static org.zcp.store.directory.crypt.CryptSupport.CRYPT_B64;
import static org.zcp.store.directory.crypt.CryptSupport.equalsAscii;

/**
 * Traditional DES-based crypt(3) of Seventh Edition Unix (Robert Morris and Ken Thompson, "Password Security: A
 * Case History", 1979), on the Data Encryption Standard of FIPS 46: a 13 character string of two salt characters
 * and 11 characters encoding 25 encryptions of a zero block under a key made of the first 8 password bytes, the
 * 12 salt bits perturbing the expansion table. Password bytes past the eighth are ignored, as in every
 * implementation.
 */
final class DesCrypt {
    private DesCrypt() {
    }

    /** Whether {@code s} has the shape of a DES crypt string: 13 characters of "./0-9A-Za-z". */
    static boolean isDesCrypt(String s) {
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

    /** Whether the password {@code pw} (UTF-8, no NUL) matches {@code stored}, a DES crypt string. */
    static boolean matches(byte[] pw, String stored) {
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
