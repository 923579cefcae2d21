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
 * store. A key store that is missing or cannot be loaded turns TLS off and says why.
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

    private ListenerTls(Mode requested, Mode mode, SSLContext context, String description) {
        this.requested = requested;
        this.mode = mode;
        this.context = context;
        this.description = description;
        if (context == null) {
            this.protocols = new String[0];
        } else {
            List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getProtocols());
            this.protocols = PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new);
        }
    }

    static ListenerTls off(Mode requested, String why) {
        return new ListenerTls(requested, Mode.OFF, null, why);
    }

    /**
     * Builds the context for {@code requested} from the key store; the result is {@link Mode#OFF}
     * (with the reason in {@link #description()}) when {@code requested} is OFF or the key store
     * is unusable.
     */
    static ListenerTls configure(Mode requested, String keystore, String password) {
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
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            ListenerTls tls = new ListenerTls(requested, requested, ctx, "certificate " + subject + " from " + path);
            if (tls.protocols.length == 0) return off(requested, "the JDK supports neither TLSv1.3 nor TLSv1.2");
            return tls;
        } catch (IOException | GeneralSecurityException e) {
            return off(requested, "cannot load key store " + path + ": " + e.getMessage());
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
            s.setEnabledProtocols(protocols);
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
