package org.zcp.gateways;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The TLS side of one line-protocol listener, settled once when the listener starts: whether
 * connections are wrapped in TLS right after accept (implicit TLS: IMAPS, POP3S), upgraded on
 * the protocol's STARTTLS command, or never; and the server context made from a PKCS#12 key
 * store. A key store that is missing or cannot be loaded turns TLS off and says why. The
 * {@link TlsPolicy} of gateway.cfg narrows the protocols and TLS 1.2 suites, sets whose order of
 * suites wins, and with a trust store requires client certificates.
 */
final class ListenerTls {
    /** The {@code tls} activation-spec property. */
    enum Mode {
        /** Plaintext only. */
        OFF,
        /** Plaintext first; the session upgrades on the protocol's STARTTLS command. */
        STARTTLS,
        /** The TLS handshake comes first, before the protocol's greeting. */
        IMPLICIT;

        /** Null when {@code value} is not one of off, starttls, implicit (any case). */
        static Mode parse(String value) {
            try {
                return value == null ? null : valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** Offered in this order where the JDK supports them; SSLv3 to TLSv1.1 never. */
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final Mode requested;
    private final Mode mode;
    private final SSLContext context;
    private final String[] protocols;
    private final String description;
    private final TlsPolicy policy;
    /** The suites to enable, or null for the JDK's defaults. */
    private final String[] cipherSuites;

    private ListenerTls(Mode requested, Mode mode, SSLContext context, String description, TlsPolicy policy) {
        this.requested = requested;
        this.mode = mode;
        this.context = context;
        this.description = description;
        this.policy = policy;
        if (context == null) {
            this.protocols = new String[0];
            this.cipherSuites = null;
        } else {
            List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getProtocols());
            this.protocols = policy.protocols().stream().filter(PROTOCOLS::contains).filter(supported::contains)
                    .toArray(String[]::new);
            this.cipherSuites = policy.cipherSuites().isEmpty() ? null : suites(context, policy.cipherSuites());
        }
    }

    /**
     * The policy's TLS 1.2 suites this JDK supports, then the JDK's TLS 1.3 suites (an OpenSSL
     * cipher list does not govern TLS 1.3, so neither does ssl_ciphers).
     */
    private static String[] suites(SSLContext context, List<String> tls12) {
        List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getCipherSuites());
        java.util.stream.Stream<String> tls13 = Arrays.stream(context.getDefaultSSLParameters().getCipherSuites())
                .filter(s -> s.startsWith("TLS_AES_") || s.startsWith("TLS_CHACHA20_"));
        return java.util.stream.Stream.concat(tls12.stream().filter(supported::contains), tls13)
                .toArray(String[]::new);
    }

    static ListenerTls off(Mode requested, String why) {
        return new ListenerTls(requested, Mode.OFF, null, why, TlsPolicy.DEFAULT);
    }

    /**
     * Builds the context for {@code requested} from the key store; the result is {@link Mode#OFF}
     * (with the reason in {@link #description()}) when {@code requested} is OFF or the key store
     * is unusable.
     */
    static ListenerTls configure(Mode requested, String keystore, String password) {
        return configure(requested, keystore, password, TlsPolicy.DEFAULT);
    }

    /** {@link #configure(Mode, String, String)} with an explicit policy. */
    static ListenerTls configure(Mode requested, String keystore, String password, TlsPolicy policy) {
        if (requested == Mode.OFF) return off(requested, "tls = off");
        if (keystore == null || keystore.isBlank()) {
            return off(requested, "no key store (zarafa-server provides one when server_ssl_enabled = yes)");
        }
        Path path = Path.of(keystore);
        if (!Files.isReadable(path)) {
            // zarafa-server writes the SOAP key store only when server_ssl_enabled = yes
            return off(requested, "key store " + path + " does not exist or is not readable"
                    + " (zarafa-server creates it when server_ssl_enabled = yes)");
        }
        char[] pass = password == null ? new char[0] : password.toCharArray();
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(path)) {
                ks.load(in, pass);
            }
            String subject = null;
            for (String alias : Collections.list(ks.aliases())) {
                if (!ks.isKeyEntry(alias)) continue;
                Certificate cert = ks.getCertificate(alias);
                subject = cert instanceof X509Certificate x ? x.getSubjectX500Principal().getName() : alias;
                break;
            }
            if (subject == null) return off(requested, "key store " + path + " holds no private key");
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pass);
            javax.net.ssl.TrustManager[] trust = null;
            if (policy.trustStore() != null) {
                KeyStore ts = KeyStore.getInstance("PKCS12");
                String tsPass = policy.trustStorePassword() == null ? "" : policy.trustStorePassword();
                try (InputStream in = Files.newInputStream(Path.of(policy.trustStore()))) {
                    ts.load(in, tsPass.toCharArray());
                }
                javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory
                        .getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ts);
                trust = tmf.getTrustManagers();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), trust, null);
            ListenerTls tls = new ListenerTls(requested, requested, ctx, "certificate " + subject + " from " + path
                    + (trust != null ? ", client certificates required" : ""), policy);
            if (tls.protocols.length == 0) return off(requested, "the JDK supports none of " + policy.protocols());
            if (tls.cipherSuites != null && tls.cipherSuites.length == 0) {
                return off(requested, "the JDK supports none of the cipher suites " + policy.cipherSuites());
            }
            return tls;
        } catch (IOException | GeneralSecurityException e) {
            return off(requested, "cannot load key store " + path
                    + (policy.trustStore() != null ? " or trust store " + policy.trustStore() : "") + ": " + e.getMessage());
        }
    }

    /** What was asked for; differs from {@link #mode()} when TLS could not be set up. */
    Mode requested() {
        return requested;
    }

    Mode mode() {
        return mode;
    }

    /** For the log: the certificate in use, or why TLS is off. */
    String description() {
        return description;
    }

    /** The protocol versions the listener offers, best first. */
    List<String> protocols() {
        return List.of(protocols);
    }

    /**
     * Performs the server side of the TLS handshake on an accepted connection (after STARTTLS, or
     * right away for implicit TLS) and returns the protected socket; closing it closes
     * {@code plain}. The read timeout of {@code plain} carries over, so a client that stalls the
     * handshake is dropped like an idle one.
     */
    SSLSocket wrap(Socket plain) throws IOException {
        if (context == null) throw new IllegalStateException("TLS is off: " + description);
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(plain,
                plain.getInetAddress().getHostAddress(), plain.getPort(), true);
        try {
            s.setUseClientMode(false);
            javax.net.ssl.SSLParameters params = s.getSSLParameters();
            params.setProtocols(protocols);
            if (cipherSuites != null) params.setCipherSuites(cipherSuites);
            params.setUseCipherSuitesOrder(policy.preferServerOrder());
            if (policy.trustStore() != null) params.setNeedClientAuth(true);
            s.setSSLParameters(params);
            s.setSoTimeout(plain.getSoTimeout());
            s.startHandshake();
            return s;
        } catch (IOException | RuntimeException e) {
            try {
                s.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
