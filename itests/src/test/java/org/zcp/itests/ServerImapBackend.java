package org.zcp.itests;

import java.lang.reflect.Field;
import javax.naming.InitialContext;
import javax.naming.NamingException;
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
}
