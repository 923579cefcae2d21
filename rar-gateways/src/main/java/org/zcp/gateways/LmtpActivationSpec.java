package org.zcp.gateways;

/**
 * LMTP on lmtp_port of dagent.cfg (2003), lmtp_max_threads sessions at once; STARTTLS (RFC 3207)
 * with the server's certificate when there is one.
 */
public class LmtpActivationSpec extends LineActivationSpec {
    private static final long serialVersionUID = 1L;

    public LmtpActivationSpec() {
        super("lmtp");
    }

    @Override
    int defaultPort() {
        return 2003;
    }

    /** Offered only when the key store exists, i.e. with server_ssl_enabled = yes (see ListenerTls). */
    @Override
    String defaultTls() {
        return "starttls";
    }

    @Override
    boolean supportsStarttls() {
        return true;
    }
}
