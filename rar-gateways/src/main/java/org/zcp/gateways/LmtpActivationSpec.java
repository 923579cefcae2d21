package org.zcp.gateways;

/** LMTP on lmtp_port of dagent.cfg (2003), lmtp_max_threads sessions at once. */
public class LmtpActivationSpec extends LineActivationSpec {
    private static final long serialVersionUID = 1L;

    public LmtpActivationSpec() {
        super("lmtp");
    }

    @Override
    int defaultPort() {
        return 2003;
    }
}
