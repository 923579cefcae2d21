package org.zcp.gateways;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The connection slots of an IMAP or POP3 listener (security review #12). Without them 500 idle
 * TCP connections that never log in, from one address, take every slot of
 * {@code gateway_max_connections} and lock every user out.
 *
 * <ul>
 *   <li>An address may hold at most {@code perAddress} connections that have not logged in yet
 *       (gateway.cfg {@code gateway_max_connections_per_ip}, 0: no limit). Logged-in
 *       connections do not count, so an office behind one NAT address is not limited; loopback
 *       is not limited by default ({@link #notLoopback}).</li>
 *   <li>When all {@code max} slots are in use, the oldest connection that has not logged in yet
 *       is closed to make room (as Dovecot's login processes do), so connections that never log
 *       in cannot keep the others out; only logged-in sessions can fill the listener.</li>
 * </ul>
 *
 * The pre-login timeout ({@code gateway_login_timeout}) is the listener's; this class only keeps
 * the books.
 */
final class ConnectionSlots {
    /** Why a connection was not admitted. */
    enum Refusal {
        PER_ADDRESS, FULL
    }

    /** One admitted connection. */
    final class Slot {
        final String address;
        private final Closeable connection;
        private boolean loggedIn;
        private boolean evicted;
        private boolean released;

        private Slot(String address, Closeable connection) {
            this.address = address;
            this.connection = connection;
        }

        /** The client has logged in: it leaves the per-address count and can no longer be evicted. */
        void loggedIn() {
            synchronized (ConnectionSlots.this) {
                if (loggedIn || evicted || released) return;
                loggedIn = true;
                waiting.remove(this);
                uncount(address);
            }
        }

        /** The session has ended. */
        void release() {
            synchronized (ConnectionSlots.this) {
                if (released) return;
                released = true;
                if (evicted) return;
                used--;
                if (!loggedIn) {
                    waiting.remove(this);
                    uncount(address);
                }
            }
        }

        boolean loggedInYet() {
            synchronized (ConnectionSlots.this) {
                return loggedIn;
            }
        }
    }

    /** The result of {@link #admit}: a slot, or why there is none. */
    record Admission(Slot slot, Refusal refusal) {
    }

    private final int max;
    private final int perAddress;
    /** Addresses the per-address limit applies to (not loopback, see {@link #notLoopback}). */
    private final java.util.function.Predicate<String> limited;
    private int used;
    /** Connections not logged in yet, oldest first. */
    private final Deque<Slot> waiting = new ArrayDeque<>();
    private final Map<String, Integer> perAddressCount = new HashMap<>();

    ConnectionSlots(int max, int perAddress) {
        this(max, perAddress, address -> true);
    }

    ConnectionSlots(int max, int perAddress, java.util.function.Predicate<String> limited) {
        if (max < 1) throw new IllegalArgumentException("max < 1");
        if (perAddress < 0) throw new IllegalArgumentException("perAddress < 0");
        this.max = max;
        this.perAddress = perAddress;
        this.limited = limited;
    }

    /**
     * Loopback is left out of the per-address limit, as Postfix leaves $mynetworks out of its
     * client limits: a webmail or proxy on the server host brings every user from 127.0.0.1, and
     * a burst of their logins is no attack. The oldest-first eviction still bounds them.
     */
    static boolean notLoopback(String address) {
        return !org.zcp.protocols.tls.Peers.isLoopback(address);
    }

    /** A slot for a new connection from {@code address}; may close the oldest one not logged in. */
    Admission admit(String address, Closeable connection) {
        Slot victim = null;
        Admission result;
        synchronized (this) {
            int from = perAddressCount.getOrDefault(address, 0);
            if (perAddress > 0 && from >= perAddress && limited.test(address)) {
                return new Admission(null, Refusal.PER_ADDRESS);
            }
            if (used >= max) {
                victim = waiting.pollFirst();
                if (victim == null) return new Admission(null, Refusal.FULL);
                victim.evicted = true;
                uncount(victim.address);
                used--;
            }
            Slot s = new Slot(address, connection);
            used++;
            waiting.addLast(s);
            perAddressCount.merge(address, 1, Integer::sum);
            result = new Admission(s, null);
        }
        if (victim != null) close(victim.connection);
        return result;
    }

    synchronized int used() {
        return used;
    }

    private void uncount(String address) {
        perAddressCount.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }

    private static void close(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // it is being dropped anyway
        }
    }
}
