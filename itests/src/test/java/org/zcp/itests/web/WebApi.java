package org.zcp.itests.web;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.openqa.selenium.json.Json;

/**
 * The web client's JSON API (docs/webaccess.md) without a browser: a JDK HTTP client with a
 * cookie manager, the logon's CSRF token kept for the calls that change something. Over https it
 * trusts the test server's self-signed certificate.
 */
final class WebApi {
    static final Json JSON = new Json();
    static final String COOKIE = "ZARAFA_WEBACCESS";
    static final String CSRF = "X-ZCP-CSRF";

    final String base;
    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    final HttpClient http;
    String csrf;

    WebApi(String base) {
        this.base = base.endsWith("/") ? base : base + "/";
        this.http = client(cookies);
    }

    static HttpClient client(CookieManager cookies) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).sslContext(trustAll());
        if (cookies != null) b.cookieHandler(cookies);
        return b.build();
    }

    /** {@code POST api/session}; keeps the CSRF token. */
    HttpResponse<String> logon(String user, String password) throws Exception {
        HttpResponse<String> r = send("POST", "api/session", Map.of("user", user, "password", password, "language", "en"),
                Map.of());
        if (r.statusCode() == 200) csrf = (String) map(r).get("csrf");
        return r;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, Map.of());
    }

    /** A call with this session's CSRF token. */
    HttpResponse<String> call(String method, String path, Object body) throws Exception {
        return send(method, path, body, Map.of(CSRF, csrf));
    }

    HttpResponse<String> send(String method, String path, Object body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(b::header);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(JSON.toJson(body)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET api/events}: the server-sent events of this session as they come. */
    Events events() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "api/events")).header("Accept", "text/event-stream")
                .GET().build();
        HttpResponse<java.util.stream.Stream<String>> r = http.send(req, HttpResponse.BodyHandlers.ofLines());
        if (r.statusCode() != 200) throw new AssertionError("GET api/events: " + r.statusCode());
        return new Events(r.body());
    }

    /** An open event stream: its events (name, data) queued by a reader thread until closed. */
    static final class Events implements AutoCloseable {
        record Event(String name, String data) {
        }

        private final java.util.stream.Stream<String> lines;
        private final java.util.concurrent.BlockingQueue<Event> queue = new java.util.concurrent.LinkedBlockingQueue<>();
        final List<Event> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        Events(java.util.stream.Stream<String> lines) {
            this.lines = lines;
            Thread t = new Thread(() -> {
                String[] cur = {null, null};
                try {
                    lines.forEach(l -> {
                        if (l.startsWith("event:")) cur[0] = l.substring(6).strip();
                        else if (l.startsWith("data:")) cur[1] = l.substring(5).strip();
                        else if (l.isEmpty() && cur[0] != null) {
                            queue.add(new Event(cur[0], cur[1]));
                            cur[0] = null;
                            cur[1] = null;
                        }
                    });
                } catch (RuntimeException closed) {
                    // the stream was closed
                }
            }, "sse-reader");
            t.setDaemon(true);
            t.start();
        }

        /** The first event {@code match} accepts, within {@code seconds}; the ones before it are in {@link #seen}. */
        Event await(java.util.function.Predicate<Event> match, int seconds) throws InterruptedException {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (true) {
                long left = end - System.nanoTime();
                Event e = left <= 0 ? null : queue.poll(left, java.util.concurrent.TimeUnit.NANOSECONDS);
                if (e == null) throw new AssertionError("no such event within " + seconds + " s; seen " + seen);
                seen.add(e);
                if (match.test(e)) return e;
            }
        }

        @Override
        public void close() {
            lines.close();
        }
    }

    /** The session cookie's value as the cookie manager keeps it, or null. */
    String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(COOKIE))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    static Map<String, Object> map(HttpResponse<String> r) {
        return JSON.toType(r.body(), Json.MAP_TYPE);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }

    /** The folders of {@code GET api/folders}. */
    List<Map<String, Object>> folders() throws Exception {
        HttpResponse<String> r = get("api/folders");
        if (r.statusCode() != 200) throw new AssertionError("GET api/folders: " + r.statusCode() + " " + r.body());
        return list(map(r), "folders");
    }

    Map<String, Object> special(String special) throws Exception {
        return folders().stream().filter(f -> special.equals(f.get("special"))).findFirst()
                .orElseThrow(() -> new AssertionError("no folder with special " + special));
    }

    /** The rows of {@code GET api/folders/{id}/messages}. */
    List<Map<String, Object>> rows(String folderId) throws Exception {
        HttpResponse<String> r = get("api/folders/" + folderId + "/messages");
        if (r.statusCode() != 200) throw new AssertionError("GET messages: " + r.statusCode() + " " + r.body());
        return list(map(r), "rows");
    }

    Map<String, Object> row(String folderId, String subject) throws Exception {
        return rows(folderId).stream().filter(m -> subject.equals(m.get("subject"))).findFirst()
                .orElseThrow(() -> new AssertionError("no message \"" + subject + "\" in the folder"));
    }

    /** Trusts any certificate and any host name: the test server's certificate is self-signed. */
    static SSLContext trustAll() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509ExtendedTrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
                }

                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
                }

                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return ctx;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
