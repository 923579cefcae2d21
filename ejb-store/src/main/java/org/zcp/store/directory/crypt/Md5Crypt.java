package org.zcp.store.directory.crypt;

import static org.zcp.store.directory.crypt.CryptSupport.b64From24;
import static org.zcp.store.directory.crypt.CryptSupport.digest;
import static org.zcp.store.directory.crypt.CryptSupport.equalsAscii;
import static org.zcp.store.directory.crypt.CryptSupport.utf8;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * MD5-crypt ({@code $1$}), Poul-Henning Kamp's MD5-based crypt(3) as first shipped in FreeBSD 2.0
 * ({@code crypt-md5.c}; there is no other specification): {@code "$1$" salt "$" hash}, the salt being up to 8
 * characters (longer salts are cut) and the hash 22 characters of 1000 rounds of MD5.
 */
final class Md5Crypt {
    private Md5Crypt() {
    }

    /** Whether the password {@code pw} (UTF-8, no NUL) matches {@code stored}, which starts with "$1$". */
    static boolean matches(byte[] pw, String stored) {
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
}
