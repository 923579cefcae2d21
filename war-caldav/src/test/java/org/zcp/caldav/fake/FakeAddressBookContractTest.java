package org.zcp.caldav.fake;

import org.zcp.store.api.AddressBook;
import org.zcp.store.api.AddressBookContract;

/** The address-book fake held to the contract the real store passes too (AddressBookContractIT in itests). */
class FakeAddressBookContractTest extends AddressBookContract {
    private final FakeServer server = new FakeServer();

    @Override
    protected AddressBook addressBook() {
        return server.addressBook;
    }

    @Override
    protected String session() {
        return server.logons.logon("alice", "secret", "127.0.0.1", "test").session();
    }

    @Override
    protected String ownName() {
        return "alice";
    }

    @Override
    protected String ownEmail() {
        return "alice@example.com";
    }

    @Override
    protected String hiddenName() {
        return "hal";
    }
}
