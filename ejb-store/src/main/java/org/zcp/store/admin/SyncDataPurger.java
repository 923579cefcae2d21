package org.zcp.store.admin;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.mapi.JournalPruner;

/**
 * Prunes synchronisation data older than {@code sync_lifetime} days (server.cfg, default 90;
 * 0 keeps everything): the change journal that IMAP CONDSTORE/QRESYNC and the folder index read
 * what changed from, nightly, a transaction per batch so deliveries are never held up for long.
 */
@Singleton
public class SyncDataPurger {
    private static final Logger LOG = Logger.getLogger(SyncDataPurger.class.getName());

    @Inject
    ServerSettings settings;

    @Inject
    JournalPruner pruner;

    @Schedule(hour = "3", minute = "41", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void nightly() {
        int days = settings.getInt("sync_lifetime");
        if (days <= 0) return;
        int n = pruneBefore(System.currentTimeMillis() - days * 86_400_000L);
        if (n > 0) LOG.info("sync_lifetime: pruned " + n + " change journal entries older than " + days + " days");
    }

    /** Prunes every journal entry before {@code before} (epoch ms) that may go; how many went. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int pruneBefore(long before) {
        int n = 0;
        long after = 0;
        while (true) {
            JournalPruner.Batch b = pruner.pruneBatch(before, after, JournalPruner.BATCH);
            if (b.lastId() < 0) return n;
            n += b.pruned();
            after = b.lastId();
        }
    }
}
