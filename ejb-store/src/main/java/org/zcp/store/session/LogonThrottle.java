package org.zcp.store.session;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.zcp.store.config.ServerSettings;

/**
 * Slows down password guessing for every protocol that logs on with a password (SOAP, IMAP,
 * POP3; review finding 10). After {@code logon_throttle_failures} failed logons of one account, or
 * four times as many from one address, each further attempt must wait 1, 2, 4, ... seconds up to
 * {@code logon_throttle_max_delay} after the last failure; an attempt within that time is refused
 * at once, without a key derivation, and audit-logged.
 * Key derivations themselves run at most one per core at a time, so a flood of logons cannot
 * take the CPU from everything else.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LogonThrottle {
    /** How many times the account threshold one address may fail (a NAT hides many users). */
    static final int ADDRESS_FACTOR = 4;
    /** Counters of accounts and addresses quiet this long are forgotten. */
    static final long FORGET_MS = 60 * 60 * 1000L;

    @Inject
    ServerSettings settings;

    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
    private final Semaphore derivations = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    record Failures(int count, long last) {
    }

    /** Seconds the caller must still wait before its next attempt; 0 when it may try now. */
    public long waitSeconds(String user, String from) {
        int threshold = settings.getInt("logon_throttle_failures");
        if (threshold <= 0) return 0;
        long now = System.currentTimeMillis();
        long wait = Math.max(remaining(accounts.get(account(user)), threshold, now),
                counted(from) ? remaining(addresses.get(from), threshold * ADDRESS_FACTOR, now) : 0);
        return (wait + 999) / 1000;
    }

    private long remaining(Failures f, int threshold, long now) {
        if (f == null || f.count() < threshold) return 0;
        long delay = delayMs(f.count() - threshold, settings.getInt("logon_throttle_max_delay"));
        return Math.max(0, f.last() + delay - now);
    }

    /** 1 s after the threshold is reached, doubling with every further failure, at most {@code maxSeconds}. */
    static long delayMs(int over, int maxSeconds) {
        long seconds = over >= 30 ? Long.MAX_VALUE : 1L << over;
        return Math.min(seconds, Math.max(1, maxSeconds)) * 1000L;
    }

    public void failed(String user, String from) {
        long now = System.currentTimeMillis();
        accounts.merge(account(user), new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
        if (counted(from)) addresses.merge(from, new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
    }

    /**
     * A success clears the account; it only halves the address's count, so a guesser who owns
     * one account cannot reset the count of the address they guess from.
     */
    public void succeeded(String user, String from) {
        accounts.remove(account(user));
        if (counted(from)) addresses.computeIfPresent(from, (k, f) -> f.count() <= 1 ? null : new Failures(f.count() / 2, f.last()));
    }

    /**
     * Runs a password check with one of the derivation permits (one per core); false, as a failed
     * check, when none comes free within 30 seconds.
     */
    public boolean derive(java.util.function.BooleanSupplier check) {
        try {
            if (!derivations.tryAcquire(30, TimeUnit.SECONDS)) return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            return check.getAsBoolean();
        } finally {
            derivations.release();
        }
    }

    @Schedule(minute = "*/5", hour = "*", persistent = false)
    void forget() {
        long before = System.currentTimeMillis() - FORGET_MS;
        accounts.values().removeIf(f -> f.last() < before);
        addresses.values().removeIf(f -> f.last() < before);
    }

    /** Accounts by the name as typed, without case, so John and john share a counter. */
    private static String account(String user) {
        return user == null ? "" : user.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Loopback addresses are not counted: everything a local reverse proxy or webmail forwards
     * comes from there, and one guesser must not lock all of them out; accounts still are.
     */
    static boolean counted(String from) {
        return from != null && !from.isEmpty() && !org.zcp.protocols.tls.Peers.isLoopback(from);
    }
}
