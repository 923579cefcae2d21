package org.zcp.store.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SizedCacheTest {
    private static final long O = SizedCache.ENTRY_OVERHEAD;

    /** A cache whose entries cost their string length plus the fixed overhead. */
    private static SizedCache<String, String> cache(long maxBytes) {
        return new SizedCache<>("test", maxBytes, String::length);
    }

    @Test
    void putAccountsValueSizePlusOverhead() {
        SizedCache<String, String> c = cache(1000);

        c.put("a", "12345");

        assertThat(c.get("a")).isEqualTo("12345");
        assertThat(c.entries()).isEqualTo(1);
        assertThat(c.bytes()).isEqualTo(O + 5);
    }

    @Test
    void exceedingMaxBytesEvictsTheLeastRecentlyUsedEntries() {
        SizedCache<String, String> c = cache(3 * (O + 10));
        c.put("a", "aaaaaaaaaa");
        c.put("b", "bbbbbbbbbb");
        c.put("c", "cccccccccc");

        c.put("d", "dddddddddd");

        assertThat(c.get("a")).isNull();
        assertThat(c.get("b")).isNotNull();
        assertThat(c.get("c")).isNotNull();
        assertThat(c.get("d")).isNotNull();
        assertThat(c.bytes()).isEqualTo(3 * (O + 10)).isLessThanOrEqualTo(c.maxBytes());
    }

    @Test
    void oneLargeEntryEvictsAsManyOldEntriesAsNeeded() {
        SizedCache<String, String> c = cache(3 * (O + 10));
        c.put("a", "aaaaaaaaaa");
        c.put("b", "bbbbbbbbbb");
        c.put("c", "cccccccccc");

        c.put("big", "x".repeat((int) (O + 20)));

        assertThat(c.get("a")).isNull();
        assertThat(c.get("b")).isNull();
        assertThat(c.get("c")).isNotNull();
        assertThat(c.get("big")).isNotNull();
        assertThat(c.bytes()).isLessThanOrEqualTo(c.maxBytes());
    }

    @Test
    void entryLargerThanTheWholeCacheIsNotKept() {
        SizedCache<String, String> c = cache(O + 10);

        c.put("huge", "x".repeat(100));

        assertThat(c.get("huge")).isNull();
        assertThat(c.entries()).isZero();
        assertThat(c.bytes()).isZero();
    }

    @Test
    void getRefreshesAccessOrderSoTheTouchedEntrySurvives() {
        SizedCache<String, String> c = cache(3 * (O + 10));
        c.put("a", "aaaaaaaaaa");
        c.put("b", "bbbbbbbbbb");
        c.put("c", "cccccccccc");

        c.get("a");
        c.put("d", "dddddddddd");

        assertThat(c.get("a")).isNotNull();
        assertThat(c.get("b")).isNull();
    }

    @Test
    void replacingAKeyReplacesItsBytesAndRefreshesIt() {
        SizedCache<String, String> c = cache(3 * (O + 10));
        c.put("a", "aaaaaaaaaa");
        c.put("b", "bbbbbbbbbb");

        c.put("a", "aa");

        assertThat(c.entries()).isEqualTo(2);
        assertThat(c.bytes()).isEqualTo((O + 10) + (O + 2));
        c.put("c", "cccccccccc");
        c.put("d", "dddddddddddddddddd");
        assertThat(c.get("b")).isNull();
        assertThat(c.get("a")).isEqualTo("aa");
    }

    @Test
    void sizeZeroDisablesCaching() {
        SizedCache<String, String> c = cache(0);

        c.put("a", "x");

        assertThat(c.get("a")).isNull();
        assertThat(c.entries()).isZero();
        assertThat(c.bytes()).isZero();
    }

    @Test
    void removeSubtractsTheEntryBytes() {
        SizedCache<String, String> c = cache(1000);
        c.put("a", "aaa");
        c.put("b", "bbbbb");

        c.remove("a");
        c.remove("missing");

        assertThat(c.get("a")).isNull();
        assertThat(c.entries()).isEqualTo(1);
        assertThat(c.bytes()).isEqualTo(O + 5);
    }

    @Test
    void clearEmptiesTheCacheAndResetsBytes() {
        SizedCache<String, String> c = cache(1000);
        c.put("a", "aaa");
        c.put("b", "bbbbb");

        c.clear();

        assertThat(c.entries()).isZero();
        assertThat(c.bytes()).isZero();
        assertThat(c.get("b")).isNull();
    }

    @Test
    void statsReportEntriesBytesHitsAndMisses() {
        SizedCache<String, String> c = cache(1000);
        c.put("a", "aaaa");
        c.get("a");
        c.get("a");
        c.get("nope");

        assertThat(c.stats()).isEqualTo("test: 1 entries, " + (O + 4) + "/1000 bytes, 2 hits, 1 misses");
    }
}
