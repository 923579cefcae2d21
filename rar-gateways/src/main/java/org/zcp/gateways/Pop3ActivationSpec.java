package org.zcp.gateways;

/**
 * POP3 (manual 4.11) on pop3_port of gateway.cfg (110) with STARTTLS (STLS), and with it POP3S on
 * pop3s_port (995) with implicit TLS: one message endpoint serves both listeners.
 */
public class Pop3ActivationSpec extends LineActivationSpec {
    private static final long serialVersionUID = 1L;

    public Pop3ActivationSpec() {
        super("pop3");
    }

    @Override
    int defaultPort() {
        return 110;
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

    /** The POP3S listener of the same endpoint: its own zcp.pop3s.* properties, implicit TLS. */
    @Override
    LineActivationSpec secure() throws jakarta.resource.ResourceException {
        Pop3sSpec s = new Pop3sSpec();
        if (getResourceAdapter() != null) s.setResourceAdapter(getResourceAdapter());
        return s;
    }

    static final class Pop3sSpec extends LineActivationSpec {
        private static final long serialVersionUID = 1L;

        Pop3sSpec() {
            super("pop3s");
        }

        @Override
        int defaultPort() {
            return 995;
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
