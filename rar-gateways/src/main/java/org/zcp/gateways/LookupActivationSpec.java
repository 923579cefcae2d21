package org.zcp.gateways;

/** Recipient lookups for Postfix (socketmap) on lookup_port of dagent.cfg (2004). */
public class LookupActivationSpec extends LineActivationSpec {
    private static final long serialVersionUID = 1L;

    public LookupActivationSpec() {
        super("lookup");
    }

    @Override
    int defaultPort() {
        return 2004;
    }
}
