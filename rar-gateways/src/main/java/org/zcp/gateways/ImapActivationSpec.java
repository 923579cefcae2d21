package org.zcp.gateways;

/**
 * IMAP (manual 4.11) on imap_port of gateway.cfg (143) with STARTTLS, and with it IMAPS on
 * imaps_port (993) with implicit TLS: one message endpoint serves both listeners.
 */
public class ImapActivationSpec extends LineActivationSpec {
    private static final long serialVersionUID = 1L;

    public ImapActivationSpec() {
        super("imap");
    }

    @Override
    int defaultPort() {
        return 143;
    }

    @Override
    String defaultTls() {
        return "starttls";
    }

    /** gateway.cfg's ssl_protocols, ssl_ciphers, ssl_verify_client (review finding #27). */
    @Override
    TlsPolicy tlsPolicy() {
        return TlsPolicy.fromSystemProperties();
    }

    @Override
    boolean supportsStarttls() {
        return true;
    }

    @Override
    LineActivationSpec secure() throws jakarta.resource.ResourceException {
        ImapsSpec s = new ImapsSpec();
        if (getResourceAdapter() != null) s.setResourceAdapter(getResourceAdapter());
        return s;
    }

    static final class ImapsSpec extends LineActivationSpec {
        private static final long serialVersionUID = 1L;

        ImapsSpec() {
            super("imaps");
        }

        @Override
        int defaultPort() {
            return 993;
        }

        @Override
        String defaultTls() {
            return "implicit";
        }

        @Override
        TlsPolicy tlsPolicy() {
            return TlsPolicy.fromSystemProperties();
        }
    }
}
