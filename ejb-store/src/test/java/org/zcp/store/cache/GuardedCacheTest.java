package org.zcp.store.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A value read from the database is kept until a write of it, and never kept past a write that raced the read. */
class GuardedCacheTest {
    private final GuardedCache<Long, String> cache = new GuardedCache<>("test", 1 << 20, v -> 64);
    private final AtomicInteger loads = new AtomicInteger();

    private String load(String value) {
        loads.incrementAndGet();
        return value;
    }

    @Test
    void aValueIsReadOnceAndAgainAfterAWrite() {
        assertThat(cache.get(1L, () -> load("a"))).isEqualTo("a");
        assertThat(cache.get(1L, () -> load("b"))).isEqualTo("a");
        assertThat(loads).hasValue(1);
        cache.changed(null, 1L);
        assertThat(cache.get(1L, () -> load("b"))).isEqualTo("b");
        assertThat(loads).hasValue(2);
    }

    @Test
    void aReadThatAWriteOvertookIsServedButNotKept() {
        assertThat(cache.get(1L, () -> {
            cache.changed(null, 1L); // a writer's change begins while the old value is being read
            return load("old");
        })).isEqualTo("old");
        assertThat(cache.get(1L, () -> load("new"))).isEqualTo("new");
        assertThat(cache.get(1L, () -> load("newer"))).isEqualTo("new");
    }

    @Test
    void aWriteOfOneKeyLeavesTheOthers() {
        cache.get(1L, () -> load("a"));
        cache.get(2L, () -> load("b"));
        cache.changed(null, 1L);
        assertThat(cache.get(2L, () -> load("x"))).isEqualTo("b");
        assertThat(loads).hasValue(2);
    }
}
