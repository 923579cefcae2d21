package org.zcp.store;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.zcp.api.mapi.MapiError;

/**
 * A share of the heap for work that holds a whole message in memory at once (a stored message
 * turned into MIME for IMAP, POP3 or the spooler, with every attachment). Each such job reserves
 * what it will hold before it starts and waits while others hold the rest; a job larger than the
 * whole share is refused with MAPI_E_NOT_ENOUGH_MEMORY, so a few large messages fetched at once
 * can no longer run the server out of memory (security review finding 7).
 */
public final class MemoryBudget {
    /** A quarter of the heap; the rest serves sessions, caches and the application server. */
    static final long TOTAL_KB = Math.max(64 * 1024, Runtime.getRuntime().maxMemory() / 4 / 1024);
    private static final Semaphore KB = new Semaphore((int) Math.min(TOTAL_KB, Integer.MAX_VALUE), true);
    /** How long a job waits for others to finish before it gives up. */
    static final long WAIT_SECONDS = 60;

    private MemoryBudget() {
    }

    /** A reservation, given back by {@link #close()}. */
    public static final class Reservation implements AutoCloseable {
        private int kb;

        private Reservation(int kb) {
            this.kb = kb;
        }

        @Override
        public void close() {
            if (kb > 0) KB.release(kb);
            kb = 0;
        }
    }

    /** Whether a job of {@code bytes} can ever run (when not, it is refused for good, not retried). */
    public static boolean fits(long bytes) {
        return (bytes + 1023) / 1024 <= TOTAL_KB;
    }

    /** Reserves {@code bytes} for {@code what}; MAPI_E_NOT_ENOUGH_MEMORY when it can never or not now fit. */
    public static Reservation reserve(long bytes, String what) {
        long kb = Math.max(1, (bytes + 1023) / 1024);
        if (kb > TOTAL_KB) {
            throw new StoreException(MapiError.MAPI_E_NOT_ENOUGH_MEMORY, what + " of " + bytes / (1024 * 1024)
                    + " MB is larger than the server can convert at once (" + TOTAL_KB / 1024 + " MB)");
        }
        try {
            if (!KB.tryAcquire((int) kb, WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new StoreException(MapiError.MAPI_E_NOT_ENOUGH_MEMORY, "the server is busy converting other large"
                        + " messages; try again later");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(MapiError.MAPI_E_NOT_ENOUGH_MEMORY, "interrupted while waiting for memory");
        }
        return new Reservation((int) kb);
    }

    /** What converting a message of {@code size} holds at its peak: the parts, their encoding and the text. */
    public static long conversionBytes(long size) {
        return Math.max(0, size) * 3;
    }
}
