package org.zcp.caldav.fake;

import java.util.UUID;
import org.zcp.store.api.Calendars;
import org.zcp.store.api.CalendarsContract;
import org.zcp.store.api.FolderItems;

/**
 * The free/busy fake held to the contract the real store passes too (CalendarsContractIT in
 * itests).
 */
class FakeCalendarsContractTest extends CalendarsContract {
    private final FakeServer server = new FakeServer();

    @Override
    protected Calendars calendars() {
        return server.calendars;
    }

    @Override
    protected FolderItems items() {
        return server.items;
    }

    @Override
    protected String session() {
        return server.logons.logon("alice", "secret", "127.0.0.1", "test").session();
    }

    @Override
    protected String otherSession() {
        return server.logons.logon("bob", "pw", "127.0.0.1", "test").session();
    }

    @Override
    protected long newFolder() {
        return server.tree.add(FakeFolderTree.ROOT, "calendar-" + UUID.randomUUID(), "IPF.Appointment");
    }
}
