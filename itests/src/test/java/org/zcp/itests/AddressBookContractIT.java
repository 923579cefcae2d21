package org.zcp.itests;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.api.soap.UserDetails;
import org.zcp.store.api.AddressBook;
import org.zcp.store.api.AddressBookContract;
import org.zcp.store.api.WebLogons;

/**
 * The global address book's contract (store-api's test jar) against the real store, inside the
 * deployed server: the tests war-caldav's FakeAddressBook passes, for a user of a company of its
 * own with a hidden colleague.
 */
@ExtendWith(ArquillianExtension.class)
class AddressBookContractIT extends AddressBookContract {
    static final String COMPANY = "galcontract";
    private static String logon;

    @Deployment(testable = true)
    static WebArchive deployment() {
        return ServerImapBackend.war("gal-contract.war", AddressBookContractIT.class, AddressBookContract.class,
                FolderItemsContractIT.class, org.zcp.store.api.FolderItemsContract.class);
    }

    @BeforeAll
    static void users() throws Exception {
        ItServer.imapUser(COMPANY, "gina");
        try {
            ItServer.user(ItServer.admin(), COMPANY, "hank");
        } catch (org.zcp.api.soap.MapiException e) {
            // made by an earlier run against this server
            if (e.error() != org.zcp.api.mapi.MapiError.MAPI_E_COLLISION) throw e;
        }
        UserDetails hidden = new UserDetails();
        hidden.groups = null;
        hidden.enabledFeatures = null;
        hidden.disabledFeatures = null;
        hidden.hidden = true;
        ItServer.client().setUser(ItServer.admin(), "hank@" + COMPANY, hidden);
    }

    @Override
    protected AddressBook addressBook() {
        return FolderItemsContractIT.bean("AddressBookBean", AddressBook.class);
    }

    @Override
    protected synchronized String session() {
        if (logon == null) {
            logon = FolderItemsContractIT.bean("WebLogonsBean", WebLogons.class)
                    .logon("gina@" + COMPANY, "secret-gina", "127.0.0.1", "itest").session();
        }
        return logon;
    }

    @Override
    protected String ownName() {
        return "gina@" + COMPANY;
    }

    @Override
    protected String ownEmail() {
        return "gina@" + COMPANY + ".example.com";
    }

    @Override
    protected String hiddenName() {
        return "hank@" + COMPANY;
    }
}
