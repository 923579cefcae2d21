package org.zcp.itests;

import java.io.File;
import java.net.URISyntaxException;
import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.soap.CompanyDetails;
import org.zcp.api.soap.MapiException;
import org.zcp.api.soap.UserDetails;
import org.zcp.api.soap.ZarafaCmd;
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
        return ShrinkWrap.create(WebArchive.class, "imap-contract.war")
                .addClasses(ImapBackendContractIT.class, ImapBackendContract.class, ServerImapBackend.class)
                // AssertJ as a library; Arquillian adds JUnit, its runner and the servlet protocol
                .addAsLibrary(jarOf(Assertions.class))
                // the store's classes from the deployed EAR: its lib/ (api, protocols) and the EJB jars
                // of the store core and of the IMAP adapter
                .setManifest(new StringAsset("Manifest-Version: 1.0\n" + "Dependencies: deployment.zcp.ear,"
                        + " deployment.zcp.ear.zcp-store.jar, deployment.zcp.ear.zcp-adapters.jar\n"));
    }

    static File jarOf(Class<?> c) {
        try {
            return new File(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void imapUser() throws Exception {
        ZarafaCmd c = ItServer.client();
        String admin = ItServer.admin();
        CompanyDetails company = new CompanyDetails();
        company.companyName = COMPANY;
        UserDetails alice = new UserDetails();
        alice.userName = USER;
        alice.password = PASSWORD;
        alice.fullName = "Alice Contract";
        alice.email = "alice@" + COMPANY + ".example.com";
        try {
            c.createCompany(admin, company);
            c.createUser(admin, alice);
        } catch (MapiException e) {
            // made by an earlier run against this server
            if (e.error() != MapiError.MAPI_E_COLLISION) throw e;
        }
        c.setUserFeature(admin, USER, "imap", true);
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
