package org.zcp.protocols.imap;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.zcp.protocols.imap.mime.ImapStrings;
import org.zcp.protocols.imap.parse.Flags;
import org.zcp.protocols.imap.parse.MailboxNames;

/**
 * The session's response stream. Text is written as octet strings ({@link ImapStrings}: one char
 * per byte), so header values the mime library took from a message reach the client unchanged;
 * literals are written as their bytes. Output is buffered and flushed where the client waits.
 */
final class ImapOutput {
    private static final List<String> SYSTEM_FLAGS =
            List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft", "\\Recent");

    private final OutputStream out;

    ImapOutput(OutputStream out) {
        this.out = new BufferedOutputStream(out, 16 * 1024);
    }

    /** A response line: the text, then CRLF. */
    ImapOutput line(String text) throws IOException {
        out.write(ImapStrings.bytes(text));
        out.write('\r');
        out.write('\n');
        return this;
    }

    ImapOutput bytes(byte[] data) throws IOException {
        out.write(data);
        return this;
    }

    void flush() throws IOException {
        out.flush();
    }

    /** A mailbox name as a quoted string in modified UTF-7 (INBOX as such). */
    static String mailbox(String name) {
        return ImapStrings.quoted(name.equals("INBOX") ? name : MailboxNames.encode(name));
    }

    /**
     * A parenthesized flag list in a stable order: system flags first, then keywords sorted. Flags
     * that are not atoms are left out ({@link Flags#wireSafe}).
     */
    static String flags(Collection<String> flags) {
        List<String> sorted = new ArrayList<>(flags);
        sorted.removeIf(f -> !Flags.wireSafe(f));
        sorted.sort(Comparator.<String>comparingInt(f -> {
            int i = SYSTEM_FLAGS.indexOf(f);
            return i < 0 ? SYSTEM_FLAGS.size() : i;
        }).thenComparing(f -> f.toLowerCase(Locale.ROOT)));
        return "(" + String.join(" ", sorted) + ")";
    }

    /** Builds one response that may hold literals, e.g. a FETCH. */
    static final class Builder {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        Builder text(String octets) {
            buf.writeBytes(ImapStrings.bytes(octets));
            return this;
        }

        Builder literal(byte[] data) {
            text("{" + data.length + "}\r\n");
            buf.writeBytes(data);
            return this;
        }

        byte[] toBytes() {
            return buf.toByteArray();
        }
    }
}
