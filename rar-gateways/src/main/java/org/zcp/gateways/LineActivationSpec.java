package org.zcp.gateways;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.io.Serializable;

/**
 * Where a line-protocol service listens. Unset properties come from the system properties that
 * zarafa-server derives from dagent.cfg: {@code zcp.<protocol>.bind}, {@code .port},
 * {@code .threads}. Port 0 leaves the service off.
 *
 * <p>TLS: {@code tls} is {@code off}, {@code starttls} (the protocol's STARTTLS command upgrades
 * the connection) or {@code implicit} (the handshake right after accept, as IMAPS and POP3S do);
 * unset, it is {@code zcp.<protocol>.tls}, else the protocol's default ({@link #defaultTls()}).
 * The certificate is the PKCS#12 key store {@code keystore} with {@code keystorePassword}; unset,
 * {@code zcp.<protocol>.keystore} / {@code zcp.<protocol>.keystore.password}, else the SOAP
 * listener's {@code zcp.ssl.keystore} / {@code zcp.ssl.keystore.password} that zarafa-server
 * passes. STARTTLS falls back to plaintext when the key store is missing or unusable; implicit
 * TLS then keeps the port closed.
 */
public abstract class LineActivationSpec implements ActivationSpec, Serializable {
    private static final long serialVersionUID = 1L;

    private String protocol;
    private String bind;
    private Integer port;
    private Integer maxThreads;
    private Integer timeout;
    private Integer maxPerAddress;
    private Integer loginTimeout;
    private String tls;
    private String keystore;
    private String keystorePassword;
    private transient ResourceAdapter adapter;

    protected LineActivationSpec(String protocol) {
        this.protocol = protocol;
    }

    abstract int defaultPort();

    /** The {@code tls} mode when neither the spec nor {@code zcp.<protocol>.tls} says. */
    String defaultTls() {
        return "off";
    }

    /** The implicit-TLS twin listener of the same endpoint (POP3S, IMAPS), or null. */
    LineActivationSpec secure() throws jakarta.resource.ResourceException {
        return null;
    }

    /** The TLS policy of the service's configuration file; IMAP and POP3 have gateway.cfg's. */
    TlsPolicy tlsPolicy() {
        return TlsPolicy.DEFAULT;
    }

    /** Whether the protocol's sessions can upgrade on a STARTTLS command. */
    boolean supportsStarttls() {
        return false;
    }

    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    public String getBind() {
        return bind != null ? bind : System.getProperty("zcp." + protocol + ".bind", "127.0.0.1");
    }

    public void setBind(String bind) {
        this.bind = bind;
    }

    public int getPort() {
        return port != null ? port : Integer.getInteger("zcp." + protocol + ".port", defaultPort());
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public int getMaxThreads() {
        return maxThreads != null ? maxThreads : Integer.getInteger("zcp." + protocol + ".threads", 20);
    }

    public void setMaxThreads(Integer maxThreads) {
        this.maxThreads = maxThreads;
    }

    /** Seconds a client may stay silent before the session ends (RFC 3501 5.4, RFC 1939 3, RFC 5321 4.5.3.2). */
    public int getTimeout() {
        return timeout != null ? timeout : Integer.getInteger("zcp." + protocol + ".timeout", defaultTimeout());
    }

    public void setTimeout(Integer timeout) {
        this.timeout = timeout;
    }

    /** IMAP 31 minutes (IDLE is re-armed every 29), POP3 10 minutes, LMTP and lookups 5. */
    int defaultTimeout() {
        if (protocol.startsWith("imap")) return 31 * 60;
        if (protocol.startsWith("pop3")) return 10 * 60;
        return 5 * 60;
    }

    /**
     * IMAP/POP3: connections not logged in yet that one client address may hold (gateway.cfg
     * {@code gateway_max_connections_per_ip}, {@code zcp.<protocol>.perip}); 0 is no limit.
     */
    public int getMaxPerAddress() {
        return maxPerAddress != null ? maxPerAddress : Integer.getInteger("zcp." + protocol + ".perip", 20);
    }

    public void setMaxPerAddress(Integer maxPerAddress) {
        this.maxPerAddress = maxPerAddress;
    }

    /** Whether the per-address limit applies to loopback too (not in production; tests on loopback). */
    private Boolean limitLoopback;

    public boolean isLimitLoopback() {
        return limitLoopback != null ? limitLoopback : Boolean.getBoolean("zcp." + protocol + ".perip.loopback");
    }

    public void setLimitLoopback(Boolean limitLoopback) {
        this.limitLoopback = limitLoopback;
    }

    /**
     * IMAP/POP3: seconds of silence before login after which the client is logged out, and half
     * the time it has to log in at all (gateway.cfg {@code gateway_login_timeout},
     * {@code zcp.<protocol>.logintimeout}); the idle timeout of {@link #getTimeout()} applies after login.
     */
    public int getLoginTimeout() {
        return loginTimeout != null ? loginTimeout : Integer.getInteger("zcp." + protocol + ".logintimeout", 60);
    }

    public void setLoginTimeout(Integer loginTimeout) {
        this.loginTimeout = loginTimeout;
    }

    public String getTls() {
        return tls != null ? tls : System.getProperty("zcp." + protocol + ".tls", defaultTls());
    }

    public void setTls(String tls) {
        this.tls = tls;
    }

    /** The parsed {@link #getTls()}; null when it is not a known mode. */
    ListenerTls.Mode tlsMode() {
        return ListenerTls.Mode.parse(getTls());
    }

    public String getKeystore() {
        if (keystore != null) return keystore;
        String own = System.getProperty("zcp." + protocol + ".keystore");
        if (own != null) return own;
        // with server_ssl_enabled = no the launcher still names the path, but a file there is left
        // over from an earlier start and its password (a fresh one per start) is gone
        if ("false".equals(System.getProperty("zcp.ssl.enabled"))) return null;
        return System.getProperty("zcp.ssl.keystore");
    }

    public void setKeystore(String keystore) {
        this.keystore = keystore;
    }

    public String getKeystorePassword() {
        if (keystorePassword != null) return keystorePassword;
        String own = System.getProperty("zcp." + protocol + ".keystore.password");
        return own != null ? own : System.getProperty("zcp.ssl.keystore.password");
    }

    public void setKeystorePassword(String keystorePassword) {
        this.keystorePassword = keystorePassword;
    }

    @Override
    public void validate() throws InvalidPropertyException {
        if (getPort() < 0 || getPort() > 65535) throw new InvalidPropertyException(protocol + " port " + getPort());
        if (getMaxThreads() < 1) throw new InvalidPropertyException(protocol + " threads " + getMaxThreads());
        if (getTimeout() < 1) throw new InvalidPropertyException(protocol + " timeout " + getTimeout());
        if (getMaxPerAddress() < 0) throw new InvalidPropertyException(protocol + " perip " + getMaxPerAddress());
        if (getLoginTimeout() < 1) throw new InvalidPropertyException(protocol + " logintimeout " + getLoginTimeout());
        if (tlsMode() == null) {
            throw new InvalidPropertyException(protocol + " tls " + getTls() + " (off, starttls or implicit)");
        }
    }

    @Override
    public String toString() {
        // no key store password in logs
        return getClass().getSimpleName() + "[" + protocol + " " + getBind() + ":" + getPort() + ", tls " + getTls()
                + "]";
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        this.adapter = ra;
    }
}
