package org.zcp.protocols.smtp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A scripted SMTP server for one connection on a loopback port. The script maps each command
 * line (and {@code "."} for the end of the message) to the reply, or to null for the answer a
 * Postfix would give. It records the commands and the raw message bytes between the 354 and the
 * closing dot.
 */
final class FakeSmtpServer implements AutoCloseable {
    /** Reply, or end of a reply's raw text, that makes the server hang up. */
    static final String CLOSE = "<close>";
    /** Reply that makes the server say nothing and wait for the next line. */
    static final String SILENT = "<silent>";
    static final String EHLO = "250-mx.test\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-8BITMIME\r\n"
            + "250 ENHANCEDSTATUSCODES";

    private static final long DOT_CRLF = '.' << 16 | '\r' << 8 | '\n';
    private static final long CRLF_DOT_CRLF = (long) '\r' << 32 | (long) '\n' << 24 | DOT_CRLF;

    private final ServerSocket server;
    private final String greeting;
    private final Function<String, String> script;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private volatile boolean dataComplete;
    private final Thread thread;

    private FakeSmtpServer(String greeting, Function<String, String> script) throws IOException {
        this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.server.setSoTimeout(5000);
        this.greeting = greeting;
        this.script = script;
        this.thread = new Thread(this::serve, "fake-smtp");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    static FakeSmtpServer start(Function<String, String> script) throws IOException {
        return start("220 mx.test ESMTP Postfix", script);
    }

    static FakeSmtpServer start(String greeting, Function<String, String> script) throws IOException {
        return new FakeSmtpServer(greeting, script);
    }

    String host() {
        return server.getInetAddress().getHostAddress();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The command lines received, once the connection has ended. */
    List<String> commands() throws InterruptedException {
        thread.join(5000);
        return List.copyOf(commands);
    }

    /** The message as received, dot-stuffed, without the closing {@code ".\r\n"}; bytes as ISO-8859-1 chars. */
    String data() throws InterruptedException {
        thread.join(5000);
        return data.toString(StandardCharsets.ISO_8859_1);
    }

    boolean dataComplete() throws InterruptedException {
        thread.join(5000);
        return dataComplete;
    }

    private void serve() {
        try (Socket s = server.accept()) {
            s.setSoTimeout(5000);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            if (!send(out, greeting)) return;
            String line;
            while ((line = readLine(in)) != null) {
                commands.add(line);
                String reply = reply(line);
                if (!send(out, reply)) return;
                if (line.equals("DATA") && reply.startsWith("354")) {
                    if (!readData(in) || !send(out, reply("."))) return;
                }
                if (line.equals("QUIT")) return;
            }
        } catch (IOException e) {
            // the client went away or never came; the test looks at what was recorded
        }
    }

    private String reply(String line) {
        String scripted = script.apply(line);
        if (scripted != null) return scripted;
        String verb = line.split(" ", 2)[0];
        return switch (verb) {
            case "EHLO" -> EHLO;
            case "HELO" -> "250 mx.test";
            case "MAIL" -> "250 2.1.0 Ok";
            case "RCPT" -> "250 2.1.5 Ok";
            case "DATA" -> "354 End data with <CR><LF>.<CR><LF>";
            case "." -> "250 2.0.0 Ok: queued as 4ABC123";
            case "RSET" -> "250 2.0.0 Ok";
            case "QUIT" -> "221 2.0.0 Bye";
            default -> "502 5.5.2 Error: command not recognized";
        };
    }

    private static boolean send(OutputStream out, String reply) throws IOException {
        if (reply.equals(SILENT)) return true;
        boolean hangUp = reply.endsWith(CLOSE);
        String text = hangUp ? reply.substring(0, reply.length() - CLOSE.length()) : reply + "\r\n";
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return !hangUp;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = line.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(c);
        }
        return null;
    }

    /** Reads up to the closing dot; false when the connection ends first. */
    private boolean readData(InputStream in) throws IOException {
        long lastFive = 0;
        int c;
        while ((c = in.read()) != -1) {
            data.write(c);
            lastFive = (lastFive << 8 | c) & 0xFF_FFFF_FFFFL;
            boolean end = data.size() == 3 && (lastFive & 0xFF_FFFF) == DOT_CRLF
                    || data.size() >= 5 && lastFive == CRLF_DOT_CRLF;
            if (end) {
                byte[] message = data.toByteArray();
                data.reset();
                data.write(message, 0, message.length - 3);
                dataComplete = true;
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws Exception {
        server.close();
        thread.join(5000);
    }
}
