package org.zcp.webaccess.compose;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.Settings;

/**
 * Files uploaded for a message being written, until it is saved or sent: kept in the server's
 * temporary directory under a random id, readable only by the store session that uploaded them,
 * removed after a day (the original kept them in WebAccess/tmp, manual 2.3.2). A file beyond
 * max_upload_size is refused with 413 and nothing of it is kept.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Uploads {
    static final long LIFETIME = 24L * 3600 * 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One kept file. */
    public record Upload(String id, String owner, String name, String mimeType, long size, Path file, long created) {
    }

    private final Map<String, Upload> byId = new ConcurrentHashMap<>();

    public Upload store(String owner, String name, String mimeType, long declared, InputStream in) throws IOException {
        long max = Settings.maxUpload();
        if (declared > max) throw tooLarge(max);
        Path dir = directory();
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        String id = HexFormat.of().formatHex(b);
        Path file = dir.resolve(id);
        long size = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0;) {
                size += n;
                if (size > max) throw tooLarge(max);
                out.write(buf, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        Upload u = new Upload(id, owner, name, mimeType, size, file, System.currentTimeMillis());
        byId.put(id, u);
        return u;
    }

    /** An upload of this store session; 400 when there is none (gone, or another's). */
    public Upload get(String owner, String id) {
        Upload u = id == null ? null : byId.get(id);
        if (u == null || !u.owner().equals(owner)) throw ApiException.invalid("the uploaded file " + id + " is gone; attach it again");
        return u;
    }

    public void forget(String id) {
        Upload u = byId.remove(id);
        if (u != null) {
            try {
                Files.deleteIfExists(u.file());
            } catch (IOException ignored) {
                // the sweep tries again
            }
        }
    }

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void sweep() {
        long now = System.currentTimeMillis();
        byId.values().stream().filter(u -> now - u.created() > LIFETIME).map(Upload::id).toList().forEach(this::forget);
    }

    @PreDestroy
    void stop() {
        byId.keySet().stream().toList().forEach(this::forget);
    }

    private static ApiException tooLarge(long max) {
        return new ApiException(413, "too-large", "the file is larger than " + (max / (1024 * 1024))
                + " MB, the most one attachment may have here (max_upload_size)");
    }

    private static Path directory() throws IOException {
        Path base = Path.of(System.getProperty("jboss.server.temp.dir", System.getProperty("java.io.tmpdir")));
        return Files.createDirectories(base.resolve("webaccess-uploads"));
    }
}
