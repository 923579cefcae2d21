package org.zcp.store.directory;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import org.zcp.store.cache.SizedCache;
import org.zcp.store.cache.TxCache;
import org.zcp.store.config.ServerSettings;

/**
 * The server's user details cache (cache_userdetails_size, cache_userdetails_lifetime of
 * server.cfg, manual 9.2): directory entries by id and the user an e-mail address names, so an LMTP
 * delivery (RCPT and DATA each look the recipient up), a logon or a permission check does not
 * read the user's rows every time (a fifth of an LMTP delivery's time went there).
 *
 * <p>Every change of directory objects goes through the user plugin's {@code changed()}, which
 * empties the cache at once and again when its transaction ends, so no reader can keep what it
 * read before the change committed. A lifetime above 0 (minutes) bounds what a plugin whose data
 * changes outside the server (LDAP) may serve stale; 0 keeps entries until a change.
 */
@ApplicationScoped
public class DirectoryCache {
    /** Estimated bytes of a cached entry: the entry, its attribute map, names and addresses. */
    static final long ENTRY_BYTES = 1024;
    private static final String CHANGED = "zcp.directory.changed";

    @Inject
    ServerSettings settings;

    @Resource
    TransactionSynchronizationRegistry txRegistry;

    private record Timed<V>(V value, long at) {
    }

    private SizedCache<Long, Timed<DirEntry>> entries;
    private SizedCache<String, Timed<Long>> addresses;
    private long lifetimeMillis;

    @PostConstruct
    void init() {
        long size = settings.getSize("cache_userdetails_size");
        entries = new SizedCache<>("userdetails", size * 4 / 5, e -> ENTRY_BYTES);
        addresses = new SizedCache<>("useraddresses", size / 5, e -> 128);
        lifetimeMillis = settings.getInt("cache_userdetails_lifetime") * 60_000L;
    }

    public DirEntry entry(long id) {
        return fresh(entries.get(id));
    }

    public void putEntry(DirEntry e) {
        entries.put(e.id(), new Timed<>(e, System.currentTimeMillis()));
    }

    /** The user id an address (as asked for) was found to name, or null. */
    public Long userOfAddress(String address) {
        return fresh(addresses.get(address));
    }

    public void putAddress(String address, long userId) {
        addresses.put(address, new Timed<>(userId, System.currentTimeMillis()));
    }

    private <V> V fresh(Timed<V> t) {
        if (t == null) return null;
        return lifetimeMillis > 0 && System.currentTimeMillis() - t.at() > lifetimeMillis ? null : t.value();
    }

    /**
     * Directory objects changed: forget the entry of {@code id} (null: everything, names and
     * addresses included) now and when the transaction ends.
     */
    public void changed(Long id) {
        TxCache.forgetNowAndAtEnd(txRegistry, id == null ? this::clear : () -> entries.remove(id));
        Map<String, Boolean> mark = TxCache.of(txRegistry, CHANGED);
        if (mark != null) mark.put(CHANGED, Boolean.TRUE);
    }

    /**
     * Whether this transaction changed directory objects: it reads its own writes and keeps what it
     * reads to itself.
     */
    public boolean changedHere() {
        Map<String, Boolean> mark = TxCache.of(txRegistry, CHANGED);
        return mark != null && mark.containsKey(CHANGED);
    }

    private void clear() {
        entries.clear();
        addresses.clear();
    }

    public String stats() {
        return entries.stats() + "; " + addresses.stats();
    }
}
