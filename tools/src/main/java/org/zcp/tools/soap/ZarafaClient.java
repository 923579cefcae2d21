package org.zcp.tools.soap;

import com.sun.xml.ws.developer.JAXWSProperties;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.soap.SOAPBinding;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import javax.xml.namespace.QName;
import org.zcp.api.soap.ZarafaCmd;

/**
 * A JAX-WS (Metro) proxy for the server's MAPI-in-SOAP interface (manual 1.4.1), built from the
 * annotated {@link ZarafaCmd} interface alone: no WSDL is fetched from the server, so a tool needs
 * nothing but the server URL. MTOM is on, as large attachment content travels as MTOM parts.
 */
public final class ZarafaClient {
    public static final String NAMESPACE = "urn:zarafa";
    public static final QName SERVICE = new QName(NAMESPACE, "ZarafaCmd");
    public static final QName PORT = new QName(NAMESPACE, "ZarafaCmdPort");
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Long enough for a large purge or store removal; the server answers everything else in seconds. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

    /** Kept referenced: java.util.logging holds loggers weakly and would forget the level. */
    private static final Logger METRO_LOGGER = Logger.getLogger("com.sun.xml.ws");

    static {
        quietMetro();
    }

    private ZarafaClient() {
    }

    /** Metro logs every transport problem at INFO with stack traces; tools print one line instead. */
    public static void quietMetro() {
        METRO_LOGGER.setLevel(Level.WARNING);
    }

    public static ZarafaCmd create(String url) {
        return create(url, CONNECT_TIMEOUT, REQUEST_TIMEOUT, false);
    }

    /**
     * @param trustAnyCertificate accept any https server certificate and host name, for a server
     *        with a self-signed certificate (manual 6.1); only what the caller asked for explicitly
     */
    public static ZarafaCmd create(String url, Duration connectTimeout, Duration requestTimeout,
            boolean trustAnyCertificate) {
        // Metro builds typed proxies from a WSDL model only; ours is generated locally (ContractWsdl).
        Service service = Service.create(ContractWsdl.url(), SERVICE);
        ZarafaCmd port = service.getPort(PORT, ZarafaCmd.class);
        BindingProvider bp = (BindingProvider) port;
        Map<String, Object> ctx = bp.getRequestContext();
        ctx.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, url);
        ctx.put(JAXWSProperties.CONNECT_TIMEOUT, (int) connectTimeout.toMillis());
        ctx.put(JAXWSProperties.REQUEST_TIMEOUT, (int) requestTimeout.toMillis());
        ((SOAPBinding) bp.getBinding()).setMTOMEnabled(true);
        if (trustAnyCertificate && url.toLowerCase(Locale.ROOT).startsWith("https:")) {
            ctx.put(JAXWSProperties.SSL_SOCKET_FACTORY, trustAllContext().getSocketFactory());
            ctx.put(JAXWSProperties.HOSTNAME_VERIFIER, (HostnameVerifier) (host, session) -> true);
        }
        return port;
    }

    private static SSLContext trustAllContext() {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[] {trustAll}, new SecureRandom());
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }
}
