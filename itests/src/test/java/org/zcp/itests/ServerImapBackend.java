package org.zcp.itests;

import java.io.File;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.zcp.protocols.imap.ImapBackend;
import org.zcp.store.gateway.ImapBean;
import org.zcp.store.gateway.ImapService;

/**
 * The IMAP backend the gateway's listeners call, made inside the deployed server: the store's own
 * message endpoint class {@link ImapBean} (every IMAP session's store call is one call of it),
 * wired as the container wires it to the {@link ImapService} bean. What the resource adapter adds
 * around it (the endpoint pool, the MDB's NOT_SUPPORTED transaction attribute, which a servlet
 * thread has anyway) is left out; every line of store-side code is the one the gateway runs.
 */
final class ServerImapBackend {
    /** The bean's global name in the EAR (WFLYEJB0473 in the server log). */
    static final String IMAP_SERVICE = "java:global/zcp/zcp-adapters/ImapService";

    private ServerImapBackend() {
    }

    static ImapBackend create() {
        try {
            ImapService service = InitialContext.doLookup(IMAP_SERVICE);
            ImapBean endpoint = new ImapBean();
            // the endpoint's @Inject field: package-private, so set as CDI would set it
            Field f = ImapBean.class.getDeclaredField("imap");
            f.setAccessible(true);
            f.set(endpoint, service);
            return endpoint;
        } catch (NamingException | ReflectiveOperationException e) {
            throw new IllegalStateException("the store's IMAP backend is not reachable in the server", e);
        }
    }

    /**
     * The WAR that carries an in-server test: its classes, this class, AssertJ as a library
     * (Arquillian adds JUnit, its runner and the servlet protocol), and, by its MANIFEST's
     * Dependencies, the store's classes from the deployed EAR: its lib/ (api, protocols) and the
     * EJB jars of the store core and of the IMAP adapter, so they are the deployed ones, not copies.
     */
    static WebArchive war(String name, Class<?>... classes) {
        return ShrinkWrap.create(WebArchive.class, name).addClasses(classes).addClass(ServerImapBackend.class)
                .addAsLibrary(jarOf(Assertions.class))
                .setManifest(new StringAsset("Manifest-Version: 1.0\n" + "Dependencies: deployment.zcp.ear,"
                        + " deployment.zcp.ear.zcp-store.jar, deployment.zcp.ear.zcp-adapters.jar\n"));
    }

    private static File jarOf(Class<?> c) {
        try {
            return new File(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
