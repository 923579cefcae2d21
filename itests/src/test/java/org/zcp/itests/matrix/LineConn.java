package org.zcp.itests.matrix;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A raw connection to one of the line protocols (IMAP, POP3, LMTP) of the server under test,
 * so each probe sees exactly the reply the server gives. IMAP literals in replies are read whole.
 */
final class LineConn implements AutoCloseable {
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)}$");
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int tag;
    final String greeting;

    LineConn(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        greeting = line();
    }

    static int port(int offset) {
        return Integer.getInteger("zcp.itest.lmtpport", 12003) + offset;
    }

    /** One reply line without CRLF; an IMAP literal at its end is read and appended. */
    String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            int ch = in.read();
            if (ch < 0) throw new IOException("connection closed after '" + b.toString(StandardCharsets.ISO_8859_1) + "'");
            if (ch == '\n') {
                String l = b.toString(StandardCharsets.ISO_8859_1);
                if (l.endsWith("\r")) l = l.substring(0, l.length() - 1);
                Matcher m = LITERAL.matcher(l);
                if (!m.find()) return l;
                b.write('\n');
                b.write(in.readNBytes(Integer.parseInt(m.group(1))));
                continue;
            }
            b.write(ch);
        }
    }

    void send(String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void sendRaw(byte[] data) throws IOException {
        out.write(data);
        out.flush();
    }

    /** An IMAP reply: the tagged status word (OK, NO, BAD) and the untagged lines before it. */
    record Imap(String status, List<String> untagged, String text) {
        boolean ok() {
            return status.equals("OK");
        }
    }

    Imap imap(String command) throws IOException {
        String t = "m" + (++tag);
        send(t + " " + command);
        return imapReply(t);
    }

    private Imap imapReply(String t) throws IOException {
        List<String> untagged = new ArrayList<>();
        while (true) {
            String l = line();
            if (l.startsWith(t + " ")) {
                String rest = l.substring(t.length() + 1);
                int sp = rest.indexOf(' ');
                return new Imap(sp < 0 ? rest : rest.substring(0, sp), untagged, l);
            }
            untagged.add(l);
        }
    }

    /** APPEND with a synchronizing literal (RFC 3501 7.5: wait for the continuation). */
    Imap append(String mailbox, byte[] message) throws IOException {
        String t = "m" + (++tag);
        send(t + " APPEND " + quote(mailbox) + " {" + message.length + "}");
        String l = line();
        if (!l.startsWith("+")) {
            int sp = l.indexOf(' ');
            String rest = l.substring(sp + 1);
            return new Imap(rest.substring(0, rest.indexOf(' ') < 0 ? rest.length() : rest.indexOf(' ')), List.of(), l);
        }
        sendRaw(message);
        send("");
        return imapReply(t);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
