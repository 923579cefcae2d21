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
}
