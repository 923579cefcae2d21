package org.zcp.store.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zcp.store.api.FolderInfo;
import org.zcp.store.api.FolderTree;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.mapi.FolderGeneration;

/** A store's folder tree is read once and served until any folder changes (FolderTrees). */
class FolderTreesTest {
    private FolderTrees trees;
    private final AtomicInteger reads = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        trees = new FolderTrees();
        trees.settings = new ServerSettings();
        trees.settings.load();
        trees.init();
    }

    private FolderTree.Hierarchy read(String name) {
        reads.incrementAndGet();
        return new FolderTree.Hierarchy(1, List.of(new FolderInfo(2, 1, name, "IPF.Note", FolderInfo.Special.NONE)));
    }

    @Test
    void keptUntilAFolderChangesAndAgainWhenItsTransactionEnds() {
        assertThat(trees.of(7, () -> read("Inbox")).folders().get(0).name()).isEqualTo("Inbox");
        assertThat(trees.of(7, () -> read("other")).folders().get(0).name()).isEqualTo("Inbox");
        assertThat(reads).hasValue(1);

        FolderIndexTest.Tx tx = new FolderIndexTest.Tx();
        tx.begin();
        FolderGeneration.changed(tx); // a rename, not committed yet
        assertThat(trees.of(7, () -> read("Renamed")).folders().get(0).name()).isEqualTo("Renamed");
        assertThat(reads).hasValue(2);
        // read while the rename was open (what it read may be rolled back): not kept past its end
        tx.end(jakarta.transaction.Status.STATUS_ROLLEDBACK);
        assertThat(trees.of(7, () -> read("Inbox")).folders().get(0).name()).isEqualTo("Inbox");
        assertThat(reads).hasValue(3);
        assertThat(trees.of(8, () -> read("Other store")).folders().get(0).name()).isEqualTo("Other store");
    }
}
