package org.zcp.protocols.imap.parse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Reads test commands through the real reader, so parser tests see what a session would. */
final class Commands {
    private Commands() {
    }

    /** The one command in {@code text} (CRLF added; literals must be {@code {n+}}). */
    static RawCommand read(String text) {
        ImapReader reader = new ImapReader(
                new ByteArrayInputStream((text + "\r\n").getBytes(StandardCharsets.UTF_8)),
                ImapReader.Limits.defaults(), () -> { });
        try {
            return reader.read();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The arguments of the command in {@code text}. */
    static Args args(String text) {
        return read(text).cursor();
    }
}
