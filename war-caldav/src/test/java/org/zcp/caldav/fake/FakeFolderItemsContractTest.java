package org.zcp.caldav.fake;

import java.util.UUID;
import org.zcp.store.api.FolderItems;
import org.zcp.store.api.FolderItemsContract;

/**
 * The fake the DAV tests use, held to the item API's contract that the real store passes too
 * (FolderItemsContractIT in itests): the tests here cannot pass on behaviour the store lacks.
 */
class FakeFolderItemsContractTest extends FolderItemsContract {
    private final FakeServer server = new FakeServer();
    private String session;

    @Override
    protected FolderItems items() {
        return server.items;
    }

    @Override
    protected String session() {
        if (session == null) session = server.logons.logon("alice", "secret", "127.0.0.1", "test").session();
        return session;
    }

    @Override
    protected long newFolder() {
        return server.tree.add(FakeFolderTree.ROOT, "items-" + UUID.randomUUID(), "IPF.Appointment");
    }
}
