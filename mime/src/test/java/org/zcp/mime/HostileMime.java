package org.zcp.mime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.zcp.mime.HostileMime;

/**
 * The hostile-input MIME corpus (src/test/resources/hostile-mime, listed in its INDEX): the
 * stored files, and the large cases generated here so that no large file is kept. An
 * integration test can deliver the same corpus over LMTP: read INDEX, load the ".eml" names from
 * the directory and build the others with {@link #generated()}.
 */
public final class HostileMime {
    static final String DIRECTORY = "/hostile-mime/";
    private static final String HEAD = "From: Mallory <mallory@outside.example>\r\nTo: Alice <alice@example.com>\r\n"
            + "Date: Fri, 4 Dec 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n";
    private static final int MIB = 1024 * 1024;

    public record Case(String name, Supplier<byte[]> text) {
    }

    private HostileMime() {
    }

    /** Every case of INDEX, in its order. */
    public static List<Case> all() {
        Map<String, Supplier<byte[]>> generated = generated();
        List<Case> out = new ArrayList<>();
        for (String name : index()) {
            if (name.endsWith(".eml")) {
                out.add(new Case(name, () -> resource(name)));
            } else {
                Supplier<byte[]> g = generated.get(name);
                if (g == null) throw new IllegalStateException("INDEX names " + name + ", which nothing generates");
                out.add(new Case(name, g));
            }
        }
        return out;
    }

    /** The case names of INDEX. */
    static List<String> index() {
        List<String> names = new ArrayList<>();
        for (String line : new String(resource("INDEX"), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            names.add(line.trim().split("\\s+", 2)[0]);
        }
        return names;
    }

    static byte[] resource(String name) {
        try (InputStream in = HostileMime.class.getResourceAsStream(DIRECTORY + name)) {
            if (in == null) throw new IllegalStateException("no " + DIRECTORY + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generated cases by name: each built when asked, so only one is in memory at a time. */
    static Map<String, Supplier<byte[]>> generated() {
        Map<String, Supplier<byte[]>> g = new LinkedHashMap<>();
        g.put("huge-header-line-10m", () -> ascii(HEAD + "Subject: " + "a".repeat(10 * MIB) + "\r\n\r\nbody\r\n"));
        g.put("many-encoded-words-200k", () -> ascii(HEAD + "Subject: " + "=?utf-8?q?=C3=A4?= ".repeat(200_000)
                + "\r\n\r\nbody\r\n"));
        g.put("html-lt-400k", () -> html(Base64.getMimeEncoder().encodeToString(ascii("<".repeat(400_000))), true));
        g.put("html-lt-10m", () -> html("<".repeat(10 * MIB), false));
        g.put("html-script-50k", () -> html("<script>".repeat(50_000), false));
        g.put("html-comment-100k", () -> html("<!--a>".repeat(100_000), false));
        g.put("html-blanks-2m", () -> html(" \t".repeat(MIB) + "x", false));
        g.put("long-body-line-10m", () -> ascii(HEAD + "Subject: one line\r\nContent-Type: text/plain\r\n\r\n"
                + "x".repeat(10 * MIB) + "\r\n"));
        g.put("many-parts-5000", () -> {
            StringBuilder b = new StringBuilder(HEAD + "Subject: 5000 parts\r\nContent-Type: multipart/mixed; boundary=p\r\n\r\n");
            for (int i = 0; i < 5000; i++) {
                b.append("--p\r\nContent-Type: application/octet-stream; name=\"f").append(i).append(".bin\"\r\n\r\nx\r\n");
            }
            return ascii(b.append("--p--\r\n").toString());
        });
        g.put("many-recipients-20k", () -> {
            StringBuilder b = new StringBuilder("From: Mallory <mallory@outside.example>\r\nTo: ");
            for (int i = 0; i < 20_000; i++) b.append(i == 0 ? "" : ",\r\n ").append("r").append(i).append("@example.com");
            return ascii(b.append("\r\nSubject: 20000 recipients\r\n\r\nbody\r\n").toString());
        });
        return g;
    }

    private static byte[] html(String body, boolean base64) {
        return ascii(HEAD + "Subject: html\r\nContent-Type: text/html; charset=us-ascii\r\n"
                + (base64 ? "Content-Transfer-Encoding: base64\r\n" : "") + "\r\n" + body + "\r\n");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
