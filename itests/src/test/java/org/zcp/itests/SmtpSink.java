package org.zcp.itests;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The SMTP relay the spooler of the test server talks to (spooler.cfg smtp_port = lmtp_port +
 * 10): accepts everything except recipients whose local part starts with "refused" (550) and,
 * the first time each, with "later" (451). Keeps what it received and how often each recipient
 * was offered (RCPT TO), so a test can tell a retry from a first attempt.
 */
public final class SmtpSink implements AutoCloseable {
    public record Received(String from, List<String> to, String data) {
    }

    private static SmtpSink instance;
    private final ServerSocket server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> deferred = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> offered = new ConcurrentHashMap<>();

    private SmtpSink(int port) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "smtp-sink");
        t.setDaemon(true);
        t.start();
    }

    public static synchronized SmtpSink get() throws IOException {
        if (instance == null) instance = new SmtpSink(Integer.getInteger("zcp.itest.lmtpport") + 10);
        return instance;
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> session(s), "smtp-sink-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket s) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = s.getOutputStream()) {
            reply(out, "220 sink ESMTP");
            String from = null;
            List<String> to = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String u = line.toUpperCase(java.util.Locale.ROOT);
                if (u.startsWith("EHLO")) {
                    reply(out, "250-sink\r\n250-8BITMIME\r\n250 SIZE 10240000");
                } else if (u.startsWith("MAIL FROM:")) {
                    from = line.substring(10).replaceAll("[<>]| .*$", "").trim();
                    to = new ArrayList<>();
                    reply(out, "250 2.1.0 Ok");
                } else if (u.startsWith("RCPT TO:")) {
                    String rcpt = line.substring(8).replaceAll("[<>]", "").trim();
                    offered.computeIfAbsent(rcpt, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                    if (rcpt.startsWith("refused")) {
                        reply(out, "550 5.1.1 <" + rcpt + ">: Recipient address rejected: User unknown");
                    } else if (rcpt.startsWith("later") && deferred.putIfAbsent(rcpt, true) == null) {
                        reply(out, "451 4.3.0 <" + rcpt + ">: Temporary lookup failure");
                    } else {
                        to.add(rcpt);
                        reply(out, "250 2.1.5 Ok");
                    }
                } else if (u.equals("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    ByteArrayOutputStream data = new ByteArrayOutputStream();
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        if (line.startsWith(".")) line = line.substring(1);
                        data.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    }
                    received.add(new Received(from, List.copyOf(to), data.toString(StandardCharsets.UTF_8)));
                    reply(out, "250 2.0.0 Ok: queued as SINK");
                } else if (u.equals("QUIT")) {
                    reply(out, "221 2.0.0 Bye");
                    return;
                } else if (u.equals("RSET") || u.equals("NOOP")) {
                    reply(out, "250 2.0.0 Ok");
                } else {
                    reply(out, "502 5.5.2 Error: command not recognized");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The first message received that matches, waiting up to {@code seconds}. */
    public Received await(Predicate<Received> match, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            for (Received r : received) {
                if (match.test(r)) return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the SMTP relay received no matching message in " + seconds + " s; it has "
                + received.size() + ": " + received.stream().map(r -> r.to().toString()).toList());
    }

    /** How many RCPT TO commands named {@code rcpt}, answered 250, 451 or 550 alike. */
    int offered(String rcpt) {
        var n = offered.get(rcpt);
        return n == null ? 0 : n.get();
    }

    /** Whether {@code rcpt} was answered 451 once (its local part starts with "later"). */
    boolean deferred(String rcpt) {
        return deferred.containsKey(rcpt);
    }

    long count(Predicate<Received> match) {
        return received.stream().filter(match).count();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
