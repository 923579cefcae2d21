package org.zcp.caldav.fake;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zcp.store.api.FolderChanges;
import org.zcp.store.api.FolderMessages;
import org.zcp.store.api.FolderState;
import org.zcp.store.api.MessageFlags;
import org.zcp.store.api.MessageSummary;
import org.zcp.store.api.StoreFailure.Kind;

/** Only {@link #open}: the folder's MODSEQ from the item fake, read-only where a test says so. */
public final class FakeFolderMessages implements FolderMessages {
    private final FakeWebLogons logons;
    private final FakeFolderTree tree;
    private final FakeFolderItems items;
    public final java.util.Set<Long> readOnly = new java.util.HashSet<>();

    public FakeFolderMessages(FakeWebLogons logons, FakeFolderTree tree, FakeFolderItems items) {
        this.logons = logons;
        this.tree = tree;
        this.items = items;
    }

    @Override
    public FolderState open(String session, long folderId) {
        logons.check(session);
        if (tree.get(folderId) == null) throw new FakeFailure(Kind.NOT_FOUND, "no folder");
        return new FolderState(folderId, 1, items.highestModSeq(folderId), 0, 0, readOnly.contains(folderId), List.of(), 0);
    }

    @Override
    public List<MessageSummary> list(String session, long folderId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long recent(String session, long folderId, long upTo, boolean claim) {
        throw new UnsupportedOperationException();
    }

    @Override
    public FolderChanges changes(String session, long folderId, long modSeq) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<Long, byte[]> texts(String session, long folderId, List<Long> uids, long octetBudget) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<Long, Long> exactSizes(String session, long folderId, List<Long> uids) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<Long, String> derived(String session, long folderId, List<Long> uids) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void keepDerived(String session, long folderId, Map<Long, String> values) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Set<Long> subjectContains(String session, long folderId, String text) {
        throw new UnsupportedOperationException();
    }

    @Override
    public FlagResult setFlags(String session, long folderId, List<Long> uids, FlagMode mode, MessageFlags change,
            long unchangedSince) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CopyResult copy(String session, long folderId, List<Long> uids, long destinationId, boolean move) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Long> expunge(String session, long folderId, List<Long> uids) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Long> delete(String session, long folderId, List<Long> uids) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long append(String session, long folderId, InputStream rfc822, MessageFlags flags, long internalDate) {
        throw new UnsupportedOperationException();
    }
}
