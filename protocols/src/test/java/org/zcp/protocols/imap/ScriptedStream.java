package org.zcp.protocols.imap;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Client input in chunks; when a chunk has been read completely and the session asks for more,
 * the chunk's action runs first (a change "elsewhere" between two commands).
 */
final class ScriptedStream extends InputStream {
    private record Chunk(byte[] data, Runnable after) {
    }

    private final Deque<Chunk> chunks = new ArrayDeque<>();
    private Chunk current;
    private int pos;

    void add(String text, Runnable after) {
        chunks.add(new Chunk(text.getBytes(StandardCharsets.ISO_8859_1), after));
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        while (current == null || pos == current.data.length) {
            if (current != null && current.after != null) current.after.run();
            current = chunks.poll();
            pos = 0;
            if (current == null) return -1;
        }
        int n = Math.min(len, current.data.length - pos);
        System.arraycopy(current.data, pos, b, off, n);
        pos += n;
        return n;
    }
}
