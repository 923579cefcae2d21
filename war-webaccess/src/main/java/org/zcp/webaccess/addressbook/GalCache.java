package org.zcp.webaccess.addressbook;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.zcp.store.api.AddressBook;

/** The global address book as each store session saw it in the last minute. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class GalCache {
    static final long TTL = 60_000;
    static final int MAX_SESSIONS = 1000;

    private record Kept(long at, List<AddressBook.Entry> entries) {
    }

    private final Map<String, Kept> bySession = new ConcurrentHashMap<>();

    public List<AddressBook.Entry> gal(String session, Supplier<List<AddressBook.Entry>> read) {
        long now = System.currentTimeMillis();
        Kept k = bySession.get(session);
        if (k != null && now - k.at() < TTL) return k.entries();
        if (bySession.size() >= MAX_SESSIONS) bySession.entrySet().removeIf(e -> now - e.getValue().at() >= TTL);
        List<AddressBook.Entry> entries = read.get();
        bySession.put(session, new Kept(now, entries));
        return entries;
    }
}
