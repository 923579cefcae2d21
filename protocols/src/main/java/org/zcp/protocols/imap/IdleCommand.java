package org.zcp.protocols.imap;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;

/**
 * IDLE (RFC 2177): a continuation, then updates every {@link ImapSession.Options#idlePollSeconds()}
 * until the client sends DONE. The client's line is read by a helper thread (one line, then it
 * ends), so a blocking read, even on a TLS stream whose buffered data cannot be seen, does not
 * hold up the polling.
 */
final class IdleCommand {
    private static final Object EOF = new Object();

    private IdleCommand() {
    }

    static void handle(ImapSession s, RawCommand c) throws IOException, ParseException {
        // gateway.cfg imap_capability_idle = no: not offered, so not a command
        if (!s.options.idle()) throw new ParseException("Unknown command IDLE");
        c.cursor().end();
        s.sendUpdates();
        s.out().line("+ idling").flush();
        BlockingQueue<Object> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().name("imap-idle-" + s.peer).start(() -> {
            try {
                String line = s.reader().readLine();
                lines.add(line == null ? EOF : line);
            } catch (Exception e) {
                lines.add(e);
            }
        });
        long interval = Math.max(1, s.options.idlePollSeconds()) * 1000L;
        Object got;
        try {
            while ((got = lines.poll(interval, TimeUnit.MILLISECONDS)) == null) {
                s.sendUpdates();
                s.out().flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reader.interrupt();
            s.closing = true;
            return;
        }
        if (got == EOF) {
            s.closing = true;
        } else if (got instanceof IOException e) {
            throw e;
        } else if (got instanceof String line && line.trim().equalsIgnoreCase("DONE")) {
            s.ok(c.tag(), null, "IDLE terminated");
        } else {
            s.bad(c.tag(), "Expected DONE");
        }
    }
}
