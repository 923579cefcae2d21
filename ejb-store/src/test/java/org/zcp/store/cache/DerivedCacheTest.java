package org.zcp.store.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zcp.store.config.ServerSettings;

/** What IMAP derived from messages' texts, kept in memory by folder and UID (StoreCaches). */
class DerivedCacheTest {
    private StoreCaches caches;

    @BeforeEach
    void setUp() throws Exception {
        caches = new StoreCaches();
        caches.settings = new ServerSettings();
        caches.settings.load(); // defaults: cache_cell_size 256M
        caches.init();
    }

    @Test
    void keepsWhatWasReadAndForgetsItWithTheText() {
        long stamp = caches.derivedStamp();
        caches.putDerived(7, Map.of(1L, "facts of 1", 2L, "facts of 2"), stamp);
        assertThat(caches.derived(7, 1)).isEqualTo("facts of 1");
        assertThat(caches.derived(8, 1)).as("another folder's UID 1 is another message").isNull();

        caches.forgetDerived(7, 1);
        assertThat(caches.derived(7, 1)).isNull();
        assertThat(caches.derived(7, 2)).isEqualTo("facts of 2");
    }

    @Test
    void aReaderThatRacedARemovalKeepsNothing() {
        long stamp = caches.derivedStamp(); // the reader takes its mark, then reads the rows...
        caches.forgetDerived(7, 1); // ...while a MAPI edit drops message 1's text and commits
        caches.putDerived(7, Map.of(1L, "facts of the old text"), stamp);
        assertThat(caches.derived(7, 1)).as("what it read may be of a text that is gone").isNull();

        caches.putDerived(7, Map.of(1L, "facts of the new text"), caches.derivedStamp());
        assertThat(caches.derived(7, 1)).isEqualTo("facts of the new text");
    }

    @Test
    void clearingEverythingAlsoRefusesReadersThatStartedBefore() {
        long stamp = caches.derivedStamp();
        caches.clear();
        caches.putDerived(7, Map.of(1L, "x"), stamp);
        assertThat(caches.derived(7, 1)).isNull();
    }
}
