package org.zcp.tools.admin;

import org.zcp.api.soap.ZarafaCmd;

/** The in-memory server of the tools' tests keeps to the server's contract. */
class FakeZarafaCmdContractTest extends ZarafaCmdContract {
    @Override
    protected ZarafaCmd server() {
        return new FakeZarafaCmd();
    }

    @Override
    protected String systemSession() throws Exception {
        return cmd.localAdminLogon("root", "s3cret", "contract").sessionId;
    }
}
