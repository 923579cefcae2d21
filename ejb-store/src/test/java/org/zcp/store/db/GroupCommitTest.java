package org.zcp.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void aWaiterReturnsOnlyAfterAStoreThatBeganAfterItsCall() throws Exception {
        AtomicLong committed = new AtomicLong(); // what the "database" holds in memory
        AtomicLong onDisk = new AtomicLong();    // what the last finished store wrote
        GroupCommit g = new GroupCommit(() -> {
            long snapshot = committed.get();
            Thread.sleep(2);
            onDisk.set(snapshot);
        });
        int threads = 16;
        int rounds = 50;
        List<String> lost = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    for (int r = 0; r < rounds; r++) {
                        long mine = committed.incrementAndGet(); // commit
                        g.await();                                  // then wait for the disk
                        if (onDisk.get() < mine) lost.add("commit " + mine + " acknowledged, disk at " + onDisk.get());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            th.start();
            all.add(th);
        }
        start.countDown();
        for (Thread th : all) th.join();
        assertThat(lost).as("no waiter returned before its commit was stored").isEmpty();
        assertThat(g.stores()).as("concurrent commits shared stores").isLessThan((long) threads * rounds);
    }

    @Test
    void aFailedStoreReleasesItsWaiters() {
        AtomicInteger calls = new AtomicInteger();
        GroupCommit g = new GroupCommit(() -> {
            calls.incrementAndGet();
            throw new java.io.IOException("disk full");
        });
        g.await();
        g.await();
        assertThat(calls).hasValue(2);
    }

    @Test
    void theTrackerMarksStatementsThatChangeRows() {
        assertThat(WriteTracker.writes("insert into properties (a) values (?)")).isTrue();
        assertThat(WriteTracker.writes("  UPDATE stores set change_num=?")).isTrue();
        assertThat(WriteTracker.writes("delete from changes where x=?")).isTrue();
        assertThat(WriteTracker.writes("merge into t key(id) values (?)")).isTrue();
        assertThat(WriteTracker.writes("select h.id from hierarchy h")).isFalse();
        assertThat(WriteTracker.writes("select * from t for update")).isFalse();
    }
}
