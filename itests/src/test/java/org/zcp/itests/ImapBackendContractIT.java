package org.zcp.itests;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.protocols.imap.ImapBackend;
import org.zcp.protocols.imap.ImapBackendContract;

/**
 * The IMAP backend contract (protocols' test jar) against the real store: the same tests the
 * in-memory {@code FakeImapBackend} passes, run inside the deployed server on the store's own
 * {@code ImapBean} (issue 10 section 6; James's MailboxManagerTest idea). The class itself,
 * the contract and {@link ServerImapBackend} go to the server as a small WAR that sees the EAR's
 * classes (its MANIFEST's Dependencies), so ImapBackend, ImapBean and ImapService are the
 * deployed ones, not copies; the test methods run there, while {@link #imapUser()} runs here on
 * the client (Arquillian runs {@code @BeforeAll} on the client only).
 */
@ExtendWith(ArquillianExtension.class)
class ImapBackendContractIT extends ImapBackendContract {
    /**
     * A company and user of their own, with fixed names: the test methods run in the server, in
     * another instance of this class, and find them by name. Created here, once per server run.
     */
    static final String COMPANY = "imapcontract";
    static final String USER = "alice@" + COMPANY;
    static final String PASSWORD = "secret-alice";

    @Deployment(testable = true)
    static WebArchive deployment() {
        return ServerImapBackend.war("imap-contract.war", ImapBackendContractIT.class, ImapBackendContract.class);
    }

    @BeforeAll
    static void imapUser() throws Exception {
        ItServer.imapUser(COMPANY, "alice");
    }

    @Override
    protected ImapBackend backend() {
        return ServerImapBackend.create();
    }

    @Override
    protected String user() {
        return USER;
    }

    @Override
    protected String password() {
        return PASSWORD;
    }
}
