package org.zcp.protocols.smtp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The client side of one SMTP connection (RFC 5321) to a relay such as the local Postfix, with
 * SIZE (RFC 1870) and 8BITMIME (RFC 6152) declared in MAIL FROM when the server offers them.
 * Each command waits for its reply and hands it back unjudged, because only the caller knows
 * whether a refused recipient ends the transaction. Reading and connecting are bounded by the
 * timeout; any I/O failure or unreadable reply closes the connection, since the conversation can
 * no longer be trusted to be in step. Not thread-safe.
 */
public final class SmtpClient implements Closeable {
    private static final Logger LOG = Logger.getLogger(SmtpClient.class.getName());
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] END_OF_DATA = {'.', '\r', '\n'};

    private final Socket socket;
    private final ReplyReader in;
    private final OutputStream out;
    private SmtpReply greeting;
    private Map<String, String> extensions = Map.of();
    private boolean closed;

    private SmtpClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new ReplyReader(new BufferedInputStream(socket.getInputStream()));
        this.out = new BufferedOutputStream(socket.getOutputStream(), 16384);
    }

    /**
     * Connects, reads the greeting and introduces itself with EHLO, or HELO when the server
     * refuses EHLO with a 5xx reply. Every address of {@code host} is tried in turn, so a
     * "localhost" that resolves to ::1 first still reaches a server listening on 127.0.0.1 only.
     *
     * @param timeoutMillis the limit for connecting and for waiting on each reply, the final reply
     *        to the message included
     * @throws SmtpException carrying the reply when the greeting, EHLO or HELO is refused
     * @throws IOException when no connection can be made or the server does not answer in time
     */
    public static SmtpClient connect(String host, int port, String heloName, int timeoutMillis) throws IOException {
        checkDomain(heloName);
        if (timeoutMillis <= 0) throw new IllegalArgumentException("timeout must be positive: " + timeoutMillis);
        Socket socket = open(host, port, timeoutMillis);
        SmtpClient client;
        try {
            client = new SmtpClient(socket);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
        try {
            client.introduce(heloName);
            return client;
        } catch (IOException | RuntimeException e) {
            client.quit();
            throw e;
        }
    }

    private static Socket open(String host, int port, int timeoutMillis) throws IOException {
        IOException failure = null;
        for (InetAddress address : InetAddress.getAllByName(host)) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), timeoutMillis);
                socket.setSoTimeout(timeoutMillis);
                socket.setTcpNoDelay(true);
                return socket;
            } catch (IOException e) {
                closeQuietly(socket);
                if (failure == null) failure = e;
                else failure.addSuppressed(e);
            }
        }
        throw failure;
    }

    private void introduce(String heloName) throws IOException {
        greeting = reply();
        if (greeting.code() / 100 != 2) throw new SmtpException("SMTP server refused the connection: " + greeting, greeting);
        SmtpReply ehlo = command("EHLO " + heloName);
        if (ehlo.code() / 100 == 2) {
            extensions = extensions(ehlo);
            return;
        }
        if (!ehlo.permanentFailure()) throw new SmtpException("SMTP server refused EHLO: " + ehlo, ehlo);
        SmtpReply helo = command("HELO " + heloName);
        if (helo.code() / 100 != 2) throw new SmtpException("SMTP server refused HELO: " + helo, helo);
    }

    /** The EHLO keywords after the first line, upper-cased, each with its parameters (or ""). */
    private static Map<String, String> extensions(SmtpReply ehlo) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String line : ehlo.lines().subList(1, ehlo.lines().size())) {
            String[] parts = line.trim().split("\\s+", 2);
            if (parts[0].isEmpty()) continue;
            found.put(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : "");
        }
        return Collections.unmodifiableMap(found);
    }

    /** The server's 220 greeting. */
    public SmtpReply greeting() {
        return greeting;
    }

    /** The EHLO extensions, keywords upper-cased; empty when the server only spoke HELO. */
    public Map<String, String> extensions() {
        return extensions;
    }

    public boolean supports(String keyword) {
        return extensions.containsKey(keyword.toUpperCase(Locale.ROOT));
    }

    /** The SIZE limit the server declared: -1 when it did not offer SIZE, 0 when it set no fixed limit. */
    public long sizeLimit() {
        String value = extensions.get("SIZE");
        if (value == null) return -1;
        try {
            return Math.max(0, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Starts a transaction. {@code SIZE=} is added when the server offers SIZE and {@code size} is
     * not negative; {@code BODY=8BITMIME} when {@code eightBit} and the server offers 8BITMIME.
     * Without 8BITMIME the message still goes out as it is: downgrading it to 7 bit is the
     * caller's business, and Postfix always offers 8BITMIME.
     *
     * @param reversePath the bare sender address, or "" for a bounce ({@code MAIL FROM:<>})
     */
    public SmtpReply mailFrom(String reversePath, long size, boolean eightBit) throws IOException {
        checkAddress(reversePath, true);
        StringBuilder cmd = new StringBuilder("MAIL FROM:<").append(reversePath).append('>');
        if (size >= 0 && supports("SIZE")) cmd.append(" SIZE=").append(size);
        if (eightBit && supports("8BITMIME")) cmd.append(" BODY=8BITMIME");
        return command(cmd.toString());
    }

    /** Names one recipient, given as a bare address. */
    public SmtpReply rcptTo(String address) throws IOException {
        checkAddress(address, false);
        return command("RCPT TO:<" + address + ">");
    }

    /**
     * Sends DATA and, after the server's 354, the message: line ends become CRLF (bare LF and bare
     * CR alike), lines starting with '.' get another '.', and a last line without a line end gets
     * one before the closing dot. Other bytes, 8-bit ones included, pass unchanged.
     *
     * <p>When reading the message fails, the connection is closed without the closing dot, so the
     * server throws the partial message away instead of delivering it truncated. The stream is
     * left open for the caller to close.
     *
     * @return the server's refusal of DATA, or its final reply on the message
     */
    public SmtpReply data(InputStream message) throws IOException {
        Objects.requireNonNull(message, "message");
        SmtpReply go = command("DATA");
        if (go.code() != 354) {
            if (!go.positive()) return go;
            close();
            throw new SmtpException("unexpected reply to DATA: " + go, go);
        }
        try {
            writeData(message, out);
            out.flush();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        return reply();
    }

    static void writeData(InputStream message, OutputStream out) throws IOException {
        byte[] buf = new byte[8192];
        byte[] encoded = new byte[2 * buf.length];
        boolean lineStart = true;
        boolean afterCr = false;
        int n;
        while ((n = message.read(buf)) != -1) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (b == '\n' && afterCr) {
                    afterCr = false;
                    continue;
                }
                afterCr = b == '\r';
                if (b == '\r' || b == '\n') {
                    encoded[k++] = '\r';
                    encoded[k++] = '\n';
                    lineStart = true;
                } else {
                    if (lineStart && b == '.') encoded[k++] = '.';
                    encoded[k++] = b;
                    lineStart = false;
                }
            }
            out.write(encoded, 0, k);
        }
        if (!lineStart) out.write(CRLF);
        out.write(END_OF_DATA);
    }

    /** Abandons the current transaction. */
    public void rset() throws IOException {
        SmtpReply reply = command("RSET");
        if (reply.code() / 100 != 2) throw new SmtpException("SMTP server refused RSET: " + reply, reply);
    }

    /** Says goodbye and waits for the answer if the server still listens, then closes. Never throws. */
    public void quit() {
        if (closed) return;
        try {
            command("QUIT");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "QUIT failed", e);
        } finally {
            close();
        }
    }

    /** Drops the connection without QUIT. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(socket);
    }

    /** Sends one command line and reads its reply. */
    private SmtpReply command(String line) throws IOException {
        ensureOpen();
        LOG.fine(() -> "C: " + line);
        try {
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.write(CRLF);
            out.flush();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        return reply();
    }

    private SmtpReply reply() throws IOException {
        ensureOpen();
        try {
            SmtpReply reply = in.read();
            LOG.fine(() -> "S: " + reply);
            return reply;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) throw new IOException("SMTP connection is closed");
    }

    /** Rejects what would break out of the angle brackets or the command line. */
    static void checkAddress(String address, boolean emptyAllowed) {
        Objects.requireNonNull(address, "address");
        if (address.isEmpty() && !emptyAllowed) throw new IllegalArgumentException("empty address");
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '<' || c == '>') {
                throw new IllegalArgumentException("address contains CR, LF, '<', '>' or another control character");
            }
        }
    }

    private static void checkDomain(String name) {
        Objects.requireNonNull(name, "heloName");
        if (name.isEmpty()) throw new IllegalArgumentException("empty HELO name");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '<' || c == '>') {
                throw new IllegalArgumentException("HELO name contains a space or control character");
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "close failed", e);
        }
    }
}
