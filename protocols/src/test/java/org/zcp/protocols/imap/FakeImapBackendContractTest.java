package org.zcp.protocols.imap;

import java.util.List;

/** The in-memory store of the session tests keeps to the backend contract. */
class FakeImapBackendContractTest extends ImapBackendContract {
    @Override
    protected ImapBackend backend() {
        FakeImapBackend fake = new FakeImapBackend("alice", "secret");
        fake.box("INBOX", List.of(), 1000, 1);
        return fake;
    }
}
