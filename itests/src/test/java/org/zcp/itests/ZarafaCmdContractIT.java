package org.zcp.itests;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.api.soap.ZarafaCmd;
import org.zcp.tools.admin.ZarafaCmdContract;

/**
 * The server's side of the tools' SOAP operations (tools' test jar: {@code ZarafaCmdContract}),
 * which the in-memory {@code FakeZarafaCmd} of the tools' tests passes too, over SOAP against the
 * built server, logged on as zarafa-admin logs on locally.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ZarafaCmdContractIT extends ZarafaCmdContract {
    @Override
    protected ZarafaCmd server() {
        return ItServer.client();
    }

    @Override
    protected String systemSession() throws Exception {
        return ItServer.admin();
    }
}
