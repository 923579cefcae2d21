package org.zcp.itests;

import java.util.UUID;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.store.api.FolderItems;
import org.zcp.store.api.FolderItemsContract;
import org.zcp.store.api.FolderTree;
import org.zcp.store.api.WebLogons;

/**
 * The item API's contract (store-api's test jar) against the real store, inside the deployed
 * server: the same tests the in-memory {@code FakeFolderItems} passes, on the store's own beans
 * (looked up by their global JNDI names), each test in a new calendar folder of one user.
 */
@ExtendWith(ArquillianExtension.class)
class FolderItemsContractIT extends FolderItemsContract {
    static final String COMPANY = "itemcontract";
    static final String USER = "carol@" + COMPANY;
    static final String PASSWORD = "secret-carol";
    private static String logon;

    @Deployment(testable = true)
    static WebArchive deployment() {
        return ServerImapBackend.war("items-contract.war", FolderItemsContractIT.class, FolderItemsContract.class);
    }

    @BeforeAll
    static void user() throws Exception {
        ItServer.imapUser(COMPANY, "carol");
    }

    static <T> T bean(String name, Class<T> type) {
        try {
            return InitialContext.doLookup("java:global/zcp/zcp-store/" + name + "!" + type.getName());
        } catch (NamingException e) {
            throw new IllegalStateException("the store's " + name + " is not reachable in the server", e);
        }
    }

    @Override
    protected FolderItems items() {
        return bean("FolderItemsBean", FolderItems.class);
    }

    @Override
    protected synchronized String session() {
        if (logon == null) logon = bean("WebLogonsBean", WebLogons.class).logon(USER, PASSWORD, "127.0.0.1", "itest").session();
        return logon;
    }

    @Override
    protected long newFolder() {
        FolderTree tree = bean("FolderTreeBean", FolderTree.class);
        String s = session();
        return tree.create(s, tree.folders(s).rootId(), "items-" + UUID.randomUUID(), "IPF.Appointment");
    }
}
