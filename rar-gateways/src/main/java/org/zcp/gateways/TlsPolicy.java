package org.zcp.gateways;

import java.util.Arrays;
import java.util.List;

/**
 * The TLS policy of gateway.cfg that zarafa-server passes as system properties (review finding
 * #27): {@code zcp.gateway.tls.protocols} (JSSE names, comma-separated; only TLSv1.3 and TLSv1.2
 * are ever used), {@code .ciphers} (standard suite names for TLS 1.2, comma-separated; empty:
 * the JDK's), {@code .preferserver} (ssl_prefer_server_ciphers) and {@code .truststore} /
 * {@code .truststore.password} (the CAs of ssl_verify_file/ssl_verify_path; set: clients must
 * present a certificate they signed, ssl_verify_client).
 */
record TlsPolicy(List<String> protocols, List<String> cipherSuites, boolean preferServerOrder, String trustStore,
        String trustStorePassword) {
    /** TLSv1.3 and TLSv1.2, the JDK's suites, the client's order, no client certificates. */
    static final TlsPolicy DEFAULT = new TlsPolicy(ListenerTls.PROTOCOLS, List.of(), false, null, null);

    static TlsPolicy fromSystemProperties() {
        List<String> protocols = list(System.getProperty("zcp.gateway.tls.protocols")).stream()
                .filter(ListenerTls.PROTOCOLS::contains).toList();
        String trust = System.getProperty("zcp.gateway.tls.truststore");
        return new TlsPolicy(protocols.isEmpty() ? ListenerTls.PROTOCOLS : protocols,
                list(System.getProperty("zcp.gateway.tls.ciphers")),
                Boolean.parseBoolean(System.getProperty("zcp.gateway.tls.preferserver")),
                trust == null || trust.isBlank() ? null : trust,
                System.getProperty("zcp.gateway.tls.truststore.password"));
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) return List.of();
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
