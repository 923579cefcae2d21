package org.zcp.store.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.zcp.store.cache.TxCache;

/**
 * Group commit for the embedded H2 database: a transaction that wrote is on disk before the call
 * that made it returns (LMTP's 250, IMAP's OK, a SOAP reply), as with {@code WRITE_DELAY=0},
 * but concurrent transactions share one store of H2's pages instead of each writing its own.
 *
 * <p>H2 (MVStore) keeps committed changes in memory and writes them as a chunk: with {@code
 * WRITE_DELAY=0} every commit wrote one, inside the commit and so while the transaction still held
 * its store's row lock. Flight Recorder over ten parallel LMTP sessions showed that chunk as 15% of
 * a delivery's CPU; each chunk rewrote the same B-tree paths (the store row, the rightmost pages of
 * the message, property and journal tables) that the next delivery's chunk rewrote again. Now H2
 * writes behind ({@code WRITE_DELAY} as a background bound) and every transaction that wrote
 * (told by {@link WriteTracker} from the SQL it sent, or {@link #wrote()}) waits after its commit,
 * locks released, until a store that began after its commit has finished: the first waiter stores
 * (H2's {@code CHECKPOINT}: every change in memory, of all committed transactions, written to the
 * file), the ones that commit meanwhile wait for the next store, which one of them makes for all.
 *
 * <p>MariaDB needs none of this (InnoDB groups its log flushes itself): {@link #active()} is false
 * unless the datasource is an H2 file.
 */
public final class GroupCommit {
    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());
    private static final String KEY = GroupCommit.class.getName();
    private static final String SYNC_DS = "java:jboss/datasources/ZarafaSyncDS";
    private static final GroupCommit SHARED = new GroupCommit(GroupCommit::checkpoint);
    private static final boolean ACTIVE = System.getProperty("zcp.db.url", "").startsWith("jdbc:h2:file:");
    private static volatile TransactionSynchronizationRegistry registry;
    private static volatile DataSource syncDs;
    private static volatile boolean warned;

    /** What writes the database's changes to disk (a checkpoint; a fake in tests). */
    interface Store {
        void run() throws Exception;
    }

    private final Store store;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stored = lock.newCondition();
    private long requested;
    private long done;
    private boolean storing;
    private long stores;

    GroupCommit(Store store) {
        this.store = store;
    }

    /** Whether transactions wait for their changes to be written (H2 file databases). */
    public static boolean active() {
        return ACTIVE;
    }

    /**
     * Notes that the current transaction writes: once it has committed, its thread waits for a
     * store that includes it (at most one wait per transaction). Nothing outside a transaction, or
     * when not {@link #active()}.
     */
    public static void wrote() {
        if (!ACTIVE) return;
        TransactionSynchronizationRegistry tx = registry();
        if (tx == null || tx.getTransactionStatus() != Status.STATUS_ACTIVE || tx.getResource(KEY) != null) return;
        try {
            TxCache.afterCommit(tx, SHARED::await);
            tx.putResource(KEY, Boolean.TRUE);
        } catch (IllegalStateException e) {
            // the transaction is completing and takes no more synchronizations: H2's own writer
            // stores its changes within WRITE_DELAY; said once, so that it is seen
            if (!warned) LOG.log(Level.WARNING, "a write could not wait for its store after the commit", e);
            warned = true;
        }
    }

    /**
     * Returns once a store has finished that began after this call: the caller's committed
     * changes are then on disk. The first caller to find no store running makes one for every
     * caller waiting at that moment.
     */
    void await() {
        lock.lock();
        try {
            long ticket = ++requested;
            while (done < ticket) {
                if (storing) {
                    stored.awaitUninterruptibly();
                    continue;
                }
                storing = true;
                long upTo = requested;
                lock.unlock();
                try {
                    store.run();
                } catch (Exception e) {
                    // the transactions are committed; what H2 failed to write it reports itself
                    // (the database turns read-only); the waiters must not wait for ever
                    LOG.log(Level.SEVERE, "the database could not write committed changes to disk", e);
                } finally {
                    lock.lock();
                    storing = false;
                    done = upTo;
                    stores++;
                    stored.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many stores were made (tests, statistics). */
    long stores() {
        lock.lock();
        try {
            return stores;
        } finally {
            lock.unlock();
        }
    }

    private static void checkpoint() throws SQLException, NamingException {
        DataSource ds = syncDs;
        if (ds == null) syncDs = ds = (DataSource) new InitialContext().lookup(SYNC_DS);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
    }

    private static TransactionSynchronizationRegistry registry() {
        TransactionSynchronizationRegistry r = registry;
        if (r == null) {
            try {
                registry = r = (TransactionSynchronizationRegistry) new InitialContext()
                        .lookup("java:comp/TransactionSynchronizationRegistry");
            } catch (NamingException e) {
                return null;
            }
        }
        return r;
    }
}
