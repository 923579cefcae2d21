package org.zcp.protocols.lmtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zcp.protocols.io.LineReader;
import org.zcp.protocols.tls.TlsUpgrade;
import org.zcp.protocols.log.LogText;

/**
 * One LMTP conversation (RFC 2033) over a connected stream: LHLO, MAIL, RCPT, DATA, RSET, NOOP,
 * QUIT, with PIPELINING, 8BITMIME, ENHANCEDSTATUSCODES and SIZE. After DATA there is one reply per
 * accepted recipient, in RCPT order, each sent only after that recipient's copy is stored.
 * Malformed lines get a 5xx reply and the session goes on.
 *
 * <p>Given a {@link TlsUpgrade}, the session also offers STARTTLS (RFC 3207, which LMTP inherits
 * from SMTP): after the upgrade it starts over as right after the greeting (the client must LHLO
 * again, envelope state is gone), no longer advertises STARTTLS, and any plaintext the client
 * pipelined behind the STARTTLS command is thrown away.
 */
public final class LmtpSession {
    private static final Logger LOG = Logger.getLogger(LmtpSession.class.getName());
    /** Octets in a command line, CRLF not counted. */
    static final int MAX_LINE = 4096;
    /**
     * Octets in a DATA line, CRLF not counted: RFC 5321 allows 1000, real mail breaks that; the
     * limit protects memory.
     */
    static final int MAX_DATA_LINE = 1 << 20;
    /**
     * Recipients of one transaction; RFC 5321 section 4.5.3.1.8 asks for at least 100. Bounds the
     * memory and the per-recipient replies a client can cause with one message.
     */
    static final int MAX_RECIPIENTS = 1000;
    private static final DateTimeFormatter RFC5322 = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final LmtpBackend backend;
    private final String hostname;
    private final long maxSize;
    private final Path tmpDir;
    private final String peer;
    /** Null when STARTTLS is not offered (no certificate, or the connection is TLS already). */
    private final TlsUpgrade starttls;
    private LineReader in;
    private OutputStream out;
    private boolean tlsActive;

    private boolean greeted;
    private String from;
    private final List<String> recipients = new ArrayList<>();
    private String heloName = "";

    public LmtpSession(LmtpBackend backend, String hostname, long maxSize, Path tmpDir, InputStream in,
            OutputStream out, String peer) {
        this(backend, hostname, maxSize, tmpDir, in, out, peer, null);
    }

    /**
     * A session that offers STARTTLS when {@code starttls} is not null; {@code starttls} is called
     * at most once, after the 220 reply to STARTTLS has been flushed.
     */
    public LmtpSession(LmtpBackend backend, String hostname, long maxSize, Path tmpDir, InputStream in,
            OutputStream out, String peer, TlsUpgrade starttls) {
        this.starttls = starttls;
        this.backend = backend;
        this.hostname = hostname;
        this.maxSize = maxSize;
        this.tmpDir = tmpDir;
        this.in = new LineReader(in, MAX_LINE, 65536);
        this.out = out;
        this.peer = peer;
    }

    /**
     * Runs the conversation until QUIT, end of input or a read timeout. A failed TLS upgrade
     * surfaces as its IOException; the caller closes the connection.
     */
    public void run() throws IOException {
        reply("220 " + hostname + " LMTP service ready");
        while (true) {
            byte[] raw;
            try {
                raw = in.readLine();
            } catch (LineReader.LineTooLongException e) {
                reply("500 5.5.2 Line too long");
                continue;
            } catch (java.net.SocketTimeoutException e) {
                reply("421 4.4.2 " + hostname + " Timeout, closing connection");
                return;
            }
            if (raw == null) return;
            String line = new String(raw, StandardCharsets.UTF_8);
            if (!command(line)) return;
        }
    }

    /** Handles one command line; false after QUIT. */
    boolean command(String line) throws IOException {
        String verb = verb(line);
        String arg = line.length() > verb.length() ? line.substring(verb.length()).trim() : "";
        switch (verb) {
            case "LHLO" -> lhlo(arg);
            case "MAIL" -> mail(arg);
            case "RCPT" -> rcpt(arg);
            case "DATA" -> data(arg);
            case "RSET" -> {
                reset();
                reply("250 2.0.0 Ok");
            }
            case "NOOP" -> reply("250 2.0.0 Ok");
            case "QUIT" -> {
                reply("221 2.0.0 " + hostname + " closing connection");
                return false;
            }
            case "STARTTLS" -> starttls(arg);
            case "VRFY" -> reply("252 2.5.2 Cannot VRFY user, but will accept message for delivery");
            case "HELO", "EHLO" -> reply("500 5.5.1 This is an LMTP server: use LHLO");
            case "" -> reply("500 5.5.2 Error: bad syntax");
            default -> reply("500 5.5.2 Error: command not recognized");
        }
        return true;
    }

    private static String verb(String line) {
        int sp = line.indexOf(' ');
        String v = sp < 0 ? line : line.substring(0, sp);
        return v.trim().toUpperCase(Locale.ROOT);
    }

    private void lhlo(String arg) throws IOException {
        if (arg.isEmpty()) {
            reply("501 5.5.4 Syntax: LHLO hostname");
            return;
        }
        heloName = arg;
        greeted = true;
        reset();
        List<String> lines = new ArrayList<>(List.of("250-" + hostname, "250-PIPELINING", "250-ENHANCEDSTATUSCODES",
                "250-8BITMIME"));
        // RFC 3207 section 4.2: not advertised any more once TLS is up
        if (starttls != null && !tlsActive) lines.add("250-STARTTLS");
        lines.add("250 SIZE" + (maxSize > 0 ? " " + maxSize : ""));
        reply(lines.toArray(String[]::new));
    }

    /** RFC 3207 section 4: 220, handshake, then back to the state right after the greeting. */
    private void starttls(String arg) throws IOException {
        if (starttls == null) {
            // not offered: the same answer as for any command this server does not know
            reply("500 5.5.2 Error: command not recognized");
            return;
        }
        if (tlsActive) {
            reply("503 5.5.1 TLS already active");
            return;
        }
        if (!arg.isEmpty()) {
            reply("501 5.5.4 Syntax error (no parameters allowed)");
            return;
        }
        if (from != null) {
            // RFC 3207 lets the server refuse; upgrading would silently drop the open envelope
            reply("503 5.5.1 Error: STARTTLS not allowed during a mail transaction");
            return;
        }
        out.write("220 2.0.0 Ready to start TLS\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        if (in.hasBufferedInput()) {
            LOG.warning("discarding plaintext pipelined after STARTTLS by " + peer + " (command injection?)");
        }
        TlsUpgrade.Streams tls = starttls.upgrade();
        // a fresh reader: whatever the old one buffered was sent in plaintext and is dropped
        in = new LineReader(tls.in(), MAX_LINE, 65536);
        out = tls.out();
        tlsActive = true;
        greeted = false;
        heloName = "";
        reset();
    }

    private void mail(String arg) throws IOException {
        if (!greeted) {
            reply("503 5.5.1 Error: send LHLO first");
            return;
        }
        if (from != null) {
            reply("503 5.5.1 Error: nested MAIL command");
            return;
        }
        String address = pathArgument(arg, "FROM:");
        if (address == null) {
            reply("501 5.5.4 Syntax: MAIL FROM:<address>");
            return;
        }
        String rest = arg.substring("FROM:".length()).trim();
        int end = rest.startsWith("<") ? rest.indexOf('>') + 1 : rest.indexOf(' ');
        String params = end <= 0 ? "" : rest.substring(end).trim().toUpperCase(Locale.ROOT);
        for (String p : params.isEmpty() ? new String[0] : params.split("\\s+")) {
            if (p.startsWith("SIZE=")) {
                try {
                    long size = Long.parseLong(p.substring(5));
                    if (maxSize > 0 && size > maxSize) {
                        reply("552 5.3.4 Message size exceeds fixed maximum message size");
                        return;
                    }
                } catch (NumberFormatException e) {
                    reply("501 5.5.4 Bad SIZE parameter");
                    return;
                }
            } else if (!p.startsWith("BODY=") && !p.startsWith("AUTH=") && !p.startsWith("RET=")
                    && !p.startsWith("ENVID=") && !p.startsWith("SMTPUTF8")) {
                reply("555 5.5.4 Unsupported parameter " + p);
                return;
            }
        }
        from = address;
        reply("250 2.1.0 Ok");
    }

    private void rcpt(String arg) throws IOException {
        if (from == null) {
            reply("503 5.5.1 Error: need MAIL command");
            return;
        }
        if (recipients.size() >= MAX_RECIPIENTS) {
            // RFC 5321 section 4.5.3.1.10: 452, the client sends the rest in another transaction
            reply("452 4.5.3 Too many recipients");
            return;
        }
        String address = pathArgument(arg, "TO:");
        if (address == null || address.isEmpty()) {
            reply("501 5.5.4 Syntax: RCPT TO:<address>");
            return;
        }
        String status;
        try {
            status = backend.checkRecipient(address);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "recipient check for " + LogText.safe(address) + " failed", e);
            status = LmtpBackend.Status.TEMPFAIL.name();
        }
        switch (status(status)) {
            case OK -> {
                recipients.add(address);
                reply("250 2.1.5 Ok");
            }
            case UNKNOWN -> reply("550 5.1.1 <" + address + ">: Recipient address rejected: User unknown");
            case QUOTA -> reply("552 5.2.2 <" + address + ">: Mailbox full");
            case TEMPFAIL -> reply("451 4.3.0 <" + address + ">: Temporary lookup failure");
        }
    }

    private void data(String arg) throws IOException {
        if (!arg.isEmpty()) {
            reply("501 5.5.4 Syntax: DATA");
            return;
        }
        if (from == null) {
            reply("503 5.5.1 Error: need MAIL command");
            return;
        }
        if (recipients.isEmpty()) {
            reply("503 5.5.1 Error: no valid recipients");
            return;
        }
        reply("354 End data with <CR><LF>.<CR><LF>");
        Path file = Files.createTempFile(tmpDir, "lmtp", ".eml");
        try {
            Refusal refused = receive(file);
            List<String> replies = new ArrayList<>();
            for (String r : recipients) {
                replies.add(refused == Refusal.TOO_BIG ? "552 5.3.4 <" + r + ">: Message too big"
                        : refused == Refusal.LINE_TOO_LONG ? "554 5.6.0 <" + r + ">: Message has a line longer than "
                                + MAX_DATA_LINE + " octets"
                        : deliver(r, file));
                // each answer goes out as soon as that copy is committed (RFC 2033 section 4.2)
                reply(replies.get(replies.size() - 1));
            }
        } finally {
            Files.deleteIfExists(file);
            reset();
        }
    }

    private String deliver(String rcpt, Path file) {
        String result;
        try {
            result = backend.deliver(rcpt, from, file);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "delivery to " + LogText.safe(rcpt) + " failed", e);
            result = LmtpBackend.Status.TEMPFAIL.name();
        }
        int colon = result == null ? -1 : result.indexOf(':');
        String detail = colon < 0 ? "" : result.substring(colon + 1).trim();
        return switch (status(colon < 0 ? result : result.substring(0, colon))) {
            case OK -> "250 2.1.5 <" + rcpt + "> Delivered";
            case UNKNOWN -> "550 5.1.1 <" + rcpt + ">: User unknown";
            case QUOTA -> "552 5.2.2 <" + rcpt + ">: Mailbox full, quota exceeded";
            case TEMPFAIL -> "451 4.2.0 <" + rcpt + ">: Mailbox temporarily unavailable"
                    + (detail.isEmpty() ? "" : " (" + detail.replaceAll("[\\r\\n]", " ") + ")");
        };
    }

    /** Why a whole message is refused after DATA (each recipient hears it). */
    private enum Refusal {
        TOO_BIG, LINE_TOO_LONG
    }

    /**
     * Reads the message up to the lone dot, dot-unstuffed, with trace headers prepended; a
     * message over the size limit or with a line over {@link #MAX_DATA_LINE} is read to
     * its end and refused, so the client hears why instead of a closed connection.
     */
    private Refusal receive(Path file) throws IOException {
        long size = 0;
        boolean tooBig = false;
        boolean lineTooLong = false;
        try (OutputStream f = Files.newOutputStream(file)) {
            String received = "Return-Path: <" + from + ">\r\n" + "Received: from " + heloName + " (" + peer + ")\r\n"
                    // RFC 3848: LMTPS when the message came through STARTTLS
                    + "\tby " + hostname + " (Zarafa) with " + (tlsActive ? "LMTPS" : "LMTP") + ";\r\n\t"
                    + ZonedDateTime.now().format(RFC5322) + "\r\n";
            f.write(received.getBytes(StandardCharsets.US_ASCII));
            while (true) {
                byte[] line;
                try {
                    line = in.readLine(MAX_DATA_LINE);
                } catch (LineReader.LineTooLongException e) {
                    // the reader consumed the line without keeping it; the rest is read, then refused
                    lineTooLong = true;
                    continue;
                }
                if (line == null) throw new IOException("connection closed during DATA");
                if (line.length == 1 && line[0] == '.') break;
                int off = line.length > 0 && line[0] == '.' ? 1 : 0;
                size += line.length - off + 2;
                if (maxSize > 0 && size > maxSize) tooBig = true;
                if (!tooBig && !lineTooLong) {
                    f.write(line, off, line.length - off);
                    f.write('\r');
                    f.write('\n');
                }
            }
        }
        return tooBig ? Refusal.TOO_BIG : lineTooLong ? Refusal.LINE_TOO_LONG : null;
    }

    /** The address inside {@code FROM:<...>} / {@code TO:<...>}, or null when malformed. */
    static String pathArgument(String arg, String keyword) {
        if (arg.length() < keyword.length() || !arg.substring(0, keyword.length()).equalsIgnoreCase(keyword)) {
            return null;
        }
        String rest = arg.substring(keyword.length()).trim();
        if (!rest.startsWith("<")) {
            int sp = rest.indexOf(' ');
            String bare = sp < 0 ? rest : rest.substring(0, sp);
            return bare.isEmpty() || bare.contains("<") || bare.contains(">") || hasControl(bare) ? null : bare;
        }
        int close = rest.indexOf('>');
        if (close < 0) return null;
        String address = rest.substring(1, close);
        // a source route (@a,@b:user@host) is ignored, as RFC 5321 allows
        int colon = address.lastIndexOf(':');
        if (address.startsWith("@") && colon > 0) address = address.substring(colon + 1);
        if (address.contains("<") || address.contains(" ")) return null;
        return hasControl(address) ? null : address;
    }

    /**
     * Found by fuzzing: a bare CR (or another control character) in an address was echoed in the
     * reply and ended its line early; no valid address has one (RFC 5321 section 4.1.2).
     */
    private static boolean hasControl(String address) {
        return address.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static LmtpBackend.Status status(String s) {
        try {
            return LmtpBackend.Status.valueOf(s == null ? "TEMPFAIL" : s.trim());
        } catch (IllegalArgumentException e) {
            return LmtpBackend.Status.TEMPFAIL;
        }
    }

    private void reset() {
        from = null;
        recipients.clear();
    }

    private void reply(String... lines) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) sb.append(l).append("\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        // with PIPELINING, replies may wait while more commands are buffered (RFC 2920)
        if (!in.hasBufferedInput()) out.flush();
    }
}
