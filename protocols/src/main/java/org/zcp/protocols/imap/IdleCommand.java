package org.zcp.protocols.imap;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;

/**
 * IDLE (RFC 2177): a continuation, then updates as the selected mailbox changes until the client
 * sends DONE. With the store's change events ({@link ImapSession#events}) the session asks the
 * store only after a committed change to its mailbox and otherwise writes a keep-alive every
 * {@link #KEEPALIVE_MILLIS} without any store work; without them it asks every
 * {@link ImapSession.Options#idlePollSeconds()}. The client's line is read by a helper thread
 * (one line, then it ends), so a blocking read, even on a TLS stream whose buffered data cannot
 * be seen, does not hold the updates up.
 */
final class IdleCommand {
    private static final Object EOF = new Object();
    private static final Object CHANGED = new Object();
    /** "* OK Still here" for NAT boxes and clients that count silence (Dovecot: every 2 minutes). */
    static final long KEEPALIVE_MILLIS = 120_000;

    private IdleCommand() {
    }

    static void handle(ImapSession s, RawCommand c) throws IOException, ParseException {
        // gateway.cfg imap_capability_idle = no: not offered, so not a command
        if (!s.options.idle()) throw new ParseException("Unknown command IDLE");
        c.cursor().end();
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        // watch before the first update, so that a change committed in between is not missed
        MailboxEvents.Watch watch = s.events != null && s.selected != null
                ? s.events.watch(s.selected.uidValidity, s.handle, () -> {
                    s.mailboxChanged();
                    queue.offer(CHANGED);
                }) : null;
        try {
            s.sendUpdates();
            s.out().line("+ idling").flush();
            Thread reader = Thread.ofVirtual().name("imap-idle-" + s.peer).start(() -> {
                try {
                    String line = s.reader().readLine();
                    queue.add(line == null ? EOF : line);
                } catch (Exception e) {
                    queue.add(e);
                }
            });
            long interval = s.events != null ? KEEPALIVE_MILLIS : Math.max(1, s.options.idlePollSeconds()) * 1000L;
            Object got;
            try {
                while ((got = queue.poll(interval, TimeUnit.MILLISECONDS)) == null || got == CHANGED) {
                    if (got == CHANGED || s.events == null) {
                        queue.removeIf(o -> o == CHANGED); // one question to the store answers a burst of changes
                        s.sendUpdates();
                    } else {
                        s.out().line("* OK Still here");
                    }
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
        } finally {
            if (watch != null) watch.close();
        }
    }
}
