package org.zcp.store.session;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes of the db plugin: PBKDF2-HMAC-SHA256 with a random salt, stored as
 * {@code pbkdf2-sha256$iterations$salt$hash} (manual 8.3.1: "stored encrypted").
 *
 * <p>A successful check is remembered for {@link #REMEMBERED_MS} (as Dovecot's auth cache does),
 * so mail clients that log in again and again (IMAP clients open several connections, POP3
 * clients poll) do not pay the deliberately slow derivation each time: what is kept, in memory
 * only, is an HMAC of the password under a key made at start, tied to the stored hash it was
 * checked against, so a changed password no longer matches. Failed checks are never remembered;
 * every wrong password costs the full derivation.
 */
public final class PasswordHash {
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int ITERATIONS = 120_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    static final long REMEMBERED_MS = 15 * 60 * 1000L;
    private static final int REMEMBERED_MAX = 10_000;
    private static final byte[] PROCESS_KEY = new byte[32];
    private static final Map<String, Remembered> REMEMBERED = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > REMEMBERED_MAX;
        }
    };

    static {
        RANDOM.nextBytes(PROCESS_KEY);
    }

    private record Remembered(byte[] mac, long until) {
    }

    private PasswordHash() {
    }

    public static String hash(String password) {
        if (password == null) throw new IllegalArgumentException("password is null");
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return hash(password, salt);
    }

    /** The stored form for a given salt; package-private for the known-answer test. */
    static String hash(String password, byte[] salt) {
        byte[] h = derive(password, salt, ITERATIONS);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(h);
    }

    public static boolean verify(String password, String stored) {
        if (password == null || stored == null) return false;
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) return false;
        try {
            int iterations = Integer.parseInt(parts[1]);
            if (iterations < 1 || iterations > 10_000_000) return false;
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            byte[] mac = mac(password);
            long now = System.currentTimeMillis();
            synchronized (REMEMBERED) {
                Remembered r = REMEMBERED.get(stored);
                if (r != null && r.until() > now && MessageDigest.isEqual(r.mac(), mac)) return true;
            }
            boolean ok = MessageDigest.isEqual(expected, derive(password, salt, iterations));
            if (ok) {
                synchronized (REMEMBERED) {
                    REMEMBERED.put(stored, new Remembered(mac, now + REMEMBERED_MS));
                }
            }
            return ok;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] mac(String password) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(PROCESS_KEY, "HmacSHA256"));
            return m.doFinal(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }
}
