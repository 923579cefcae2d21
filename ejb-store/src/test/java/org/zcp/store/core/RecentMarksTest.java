package org.zcp.store.core;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Column;
import org.junit.jupiter.api.Test;
import org.zcp.store.entity.HierarchyObject;

/** The folder's stored \Recent mark only ever rises (RecentMarks). */
class RecentMarksTest {
    @Test
    void theRecentMarkIsNeverWrittenBackFromAFolderRow() throws Exception {
        // core.RecentMarks raises it with its own UPDATE; a folder row flushed for its next UID
        // would otherwise write back the lower mark it read before
        Column c = HierarchyObject.class.getField("recentUid").getAnnotation(Column.class);
        assertThat(c.updatable()).isFalse();
        assertThat(c.insertable()).isFalse();
    }

    @Test
    void marksInTheDatabaseAreDroppedAndReadAgainButUnwrittenClaimsStay() {
        RecentMarks r = new RecentMarks();
        assertThat(r.recent(1, 5, true, () -> 0)).isZero(); // claimed, not written yet
        assertThat(r.recent(2, 0, false, () -> 7)).isEqualTo(7); // read from the database
        r.forgetWritten();
        assertThat(r.kept()).isEqualTo(1);
        assertThat(r.recent(1, 0, false, () -> 0)).as("the claim is still known").isEqualTo(5);
        assertThat(r.recent(2, 0, false, () -> 9)).as("read again from the database").isEqualTo(9);
    }
}
