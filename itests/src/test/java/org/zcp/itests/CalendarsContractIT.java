package org.zcp.itests;

import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.store.api.Calendars;
import org.zcp.store.api.CalendarsContract;
import org.zcp.store.api.FolderItems;
import org.zcp.store.api.FolderTree;
import org.zcp.store.api.WebLogons;

/**
 * The free/busy contract (store-api's test jar) against the real store, inside the deployed
 * server: the tests war-caldav's FakeCalendars passes, on the store's own beans, each in a new
 * calendar folder of one user, asked by another user of the same company too.
 */
@ExtendWith(ArquillianExtension.class)
class CalendarsContractIT extends CalendarsContract {
    static final String COMPANY = "calcontract";
    private static String logon;
    private static String other;

    @Deployment(testable = true)
    static WebArchive deployment() {
        return ServerImapBackend.war("calendars-contract.war", CalendarsContractIT.class, CalendarsContract.class,
                FolderItemsContractIT.class, org.zcp.store.api.FolderItemsContract.class);
    }

    @BeforeAll
    static void users() throws Exception {
        ItServer.imapUser(COMPANY, "erin");
        try {
            ItServer.user(ItServer.admin(), COMPANY, "fred");
        } catch (org.zcp.api.soap.MapiException e) {
            // made by an earlier run against this server
            if (e.error() != org.zcp.api.mapi.MapiError.MAPI_E_COLLISION) throw e;
        }
    }

    private static String logon(String name) {
        return FolderItemsContractIT.bean("WebLogonsBean", WebLogons.class)
                .logon(name + "@" + COMPANY, "secret-" + name, "127.0.0.1", "itest").session();
    }

    @Override
    protected Calendars calendars() {
        return FolderItemsContractIT.bean("CalendarsBean", Calendars.class);
    }

    @Override
    protected FolderItems items() {
        return FolderItemsContractIT.bean("FolderItemsBean", FolderItems.class);
    }

    @Override
    protected synchronized String session() {
        if (logon == null) logon = logon("erin");
        return logon;
    }

    @Override
    protected synchronized String otherSession() {
        if (other == null) other = logon("fred");
        return other;
    }

    @Override
    protected long newFolder() {
        FolderTree tree = FolderItemsContractIT.bean("FolderTreeBean", FolderTree.class);
        String s = session();
        return tree.create(s, tree.folders(s).rootId(), "calendar-" + UUID.randomUUID(), "IPF.Appointment");
    }
}
