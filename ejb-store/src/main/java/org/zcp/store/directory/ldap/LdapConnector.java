package org.zcp.store.directory.ldap;

import org.zcp.store.directory.DirectoryUnavailableException;
import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.io.File;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The connections to the LDAP servers of ldap.cfg: a pool bound as {@code ldap_bind_user}, the
 * servers of {@code ldap_uri} tried in their order (fail-over), LDAPS or StartTLS with the
 * certificate checked against {@code ldap_tls_cacert} or the system's CAs and the host name,
 * {@code ldap_network_timeout} on connecting and on every answer, and searches paged by
 * {@code ldap_page_size} (RFC 2696) so that Active Directory's MaxPageSize does not cut lists short.
 *
 * <p>A server that cannot be reached gives {@link DirectoryUnavailableException}; a refused bind of the
 * bind user is a configuration error, reported naming the option.
 */
public class LdapConnector implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LdapConnector.class.getName());
    private static final int MAX_CONNECTIONS = 10;

    private final LdapSettings settings;
    private final ServerSet servers;
    private final PostConnectProcessor startTls;
    private LDAPConnectionPool pool;

    public LdapConnector(LdapSettings settings) {
        this.settings = settings;
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        int timeoutMillis = settings.getInt("ldap_network_timeout") * 1000;
        options.setConnectTimeoutMillis(timeoutMillis);
        options.setResponseTimeoutMillis(timeoutMillis);
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        options.setUseSynchronousMode(false);
        SSLUtil ssl;
        try {
            ssl = new SSLUtil(trustManager());
        } catch (RuntimeException e) {
            throw new IllegalStateException(settings.file() + ": ldap_tls_cacert: " + e.getMessage(), e);
        }
        List<ServerSet> sets = new ArrayList<>();
        for (org.zcp.api.config.LdapServers.Server s : settings.servers()) {
            try {
                sets.add(s.ssl() ? new SingleServerSet(s.host(), s.port(), ssl.createSSLSocketFactory(), options)
                        : new SingleServerSet(s.host(), s.port(), options));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(settings.file() + ": TLS for " + s + ": " + e.getMessage(), e);
            }
        }
        servers = sets.size() == 1 ? sets.get(0) : new FailoverServerSet(sets.toArray(new ServerSet[0]));
        if (settings.getBool("ldap_starttls")) {
            try {
                SSLContext context = ssl.createSSLContext();
                startTls = new StartTLSPostConnectProcessor(context);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(settings.file() + ": ldap_starttls: " + e.getMessage(), e);
            }
        } else {
            startTls = null;
        }
    }

    private TrustManager trustManager() {
        String ca = settings.get("ldap_tls_cacert");
        if (ca.isEmpty()) return JVMDefaultTrustManager.getInstance();
        File f = new File(ca);
        if (!f.canRead()) throw new IllegalArgumentException("the CA file " + ca + " cannot be read");
        try {
            return new PEMFileTrustManager(f);
        } catch (Exception e) {
            throw new IllegalArgumentException("the CA file " + ca + " holds no PEM certificate: " + e.getMessage(), e);
        }
    }

    /**
     * Connects and binds as {@code ldap_bind_user} now: a refused bind is a configuration error
     * (thrown as IllegalStateException naming ldap_bind_user/ldap_bind_passwd); a server that cannot
     * be reached is only logged, and the connection is tried again on first use.
     */
    public synchronized void open() {
        try {
            pool();
        } catch (DirectoryUnavailableException e) {
            LOG.severe("LDAP: " + e.getMessage() + "; the directory is used as soon as it answers");
        }
    }

    private synchronized LDAPConnectionPool pool() {
        if (pool != null) return pool;
        String user = settings.get("ldap_bind_user");
        SimpleBindRequest bind = user.isEmpty() ? new SimpleBindRequest()
                : new SimpleBindRequest(user, settings.get("ldap_bind_passwd"));
        try {
            pool = new LDAPConnectionPool(servers, bind, 1, MAX_CONNECTIONS, startTls);
            pool.setRetryFailedOperationsDueToInvalidConnections(true);
            pool.setMaxConnectionAgeMillis(10 * 60_000L);
            return pool;
        } catch (LDAPException e) {
            ResultCode rc = e.getResultCode();
            if (rc == ResultCode.INVALID_CREDENTIALS || rc == ResultCode.INVALID_DN_SYNTAX
                    || rc == ResultCode.INAPPROPRIATE_AUTHENTICATION || rc == ResultCode.UNWILLING_TO_PERFORM) {
                throw new IllegalStateException(settings.file() + ": ldap_bind_passwd: the LDAP server refused the bind as '"
                        + user + "' (" + rc.getName() + "); check ldap_bind_user and ldap_bind_passwd");
            }
            throw unavailable(e);
        }
    }

    private DirectoryUnavailableException unavailable(LDAPException e) {
        return new DirectoryUnavailableException("the LDAP server " + settings.servers() + " cannot be reached: "
                + e.getResultCode().getName() + (e.getDiagnosticMessage() == null ? "" : " (" + e.getDiagnosticMessage() + ")")
                + " - " + e.getMessage(), e);
    }

    private static boolean connectionProblem(LDAPException e) {
        ResultCode rc = e.getResultCode();
        return rc.isConnectionUsable() == false || rc == ResultCode.SERVER_DOWN || rc == ResultCode.CONNECT_ERROR
                || rc == ResultCode.TIMEOUT || rc == ResultCode.UNAVAILABLE || rc == ResultCode.BUSY;
    }

    /**
     * Every entry under {@code base} matching {@code filter}, page by page; each entry is handed to
     * {@code each}. A base that does not exist yields nothing.
     */
    public void search(String base, SearchScope scope, Filter filter, String[] attributes, Consumer<SearchResultEntry> each) {
        int pageSize = settings.getInt("ldap_page_size");
        ASN1OctetString cookie = null;
        LOG.fine(() -> "LDAP search base=" + base + " filter=" + filter);
        do {
            SearchRequest req = new SearchRequest(base, scope, filter, attributes);
            if (pageSize > 0) req.setControls(new Control[] {new SimplePagedResultsControl(pageSize, cookie)});
            SearchResult result;
            try {
                result = pool().search(req);
            } catch (LDAPException e) {
                if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) return;
                if (e instanceof com.unboundid.ldap.sdk.LDAPSearchException se && e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                    se.getSearchEntries().forEach(each);
                    LOG.warning("LDAP: the server's size limit cut the search " + filter + " short at "
                            + se.getEntryCount() + " entries; set ldap_page_size below the limit");
                    return;
                }
                if (connectionProblem(e)) throw unavailable(e);
                throw new LdapQueryException("LDAP search " + filter + " under " + base + " failed: " + e.getMessage(), e);
            }
            result.getSearchEntries().forEach(each);
            cookie = null;
            try {
                SimplePagedResultsControl paged = SimplePagedResultsControl.get(result);
                if (paged != null && paged.moreResultsToReturn()) cookie = paged.getCookie();
            } catch (LDAPException e) {
                throw new LdapQueryException("LDAP: the server's paging answer cannot be read: " + e.getMessage(), e);
            }
        } while (cookie != null);
    }

    /** The entries of {@link #search} as a list. */
    public List<SearchResultEntry> search(String base, SearchScope scope, Filter filter, String... attributes) {
        List<SearchResultEntry> out = new ArrayList<>();
        search(base, scope, filter, attributes, out::add);
        return out;
    }

    /** At most {@code limit} entries, in one request without paging (the server stops at the limit). */
    public List<SearchResultEntry> searchAtMost(String base, Filter filter, int limit, String... attributes) {
        SearchRequest req = new SearchRequest(base, SearchScope.SUB, filter, attributes);
        req.setSizeLimit(limit);
        try {
            return pool().search(req).getSearchEntries();
        } catch (com.unboundid.ldap.sdk.LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) return e.getSearchEntries();
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) return List.of();
            if (connectionProblem(e)) throw unavailable(e);
            throw new LdapQueryException("LDAP search " + filter + " under " + base + " failed: " + e.getMessage(), e);
        } catch (LDAPException e) {
            if (connectionProblem(e)) throw unavailable(e);
            throw new LdapQueryException("LDAP search " + filter + " under " + base + " failed: " + e.getMessage(), e);
        }
    }

    /** One entry by its DN, or null when it does not exist. */
    public SearchResultEntry read(String dn, String... attributes) {
        try {
            return pool().getEntry(dn, attributes);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT || e.getResultCode() == ResultCode.INVALID_DN_SYNTAX) return null;
            if (connectionProblem(e)) throw unavailable(e);
            throw new LdapQueryException("LDAP read of " + dn + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code password} binds as {@code dn} (ldap_authentication_method = bind). The bind
     * runs on a pooled connection, which is bound as the bind user again afterwards. An empty
     * password is refused here: to the server it would be an anonymous bind, which succeeds.
     */
    public boolean bindAs(String dn, String password) {
        if (password == null || password.isEmpty() || dn == null || dn.isEmpty()) return false;
        try {
            pool().bindAndRevertAuthentication(dn, password);
            return true;
        } catch (LDAPException e) {
            ResultCode rc = e.getResultCode();
            if (rc == ResultCode.INVALID_CREDENTIALS || rc == ResultCode.INAPPROPRIATE_AUTHENTICATION
                    || rc == ResultCode.INVALID_DN_SYNTAX || rc == ResultCode.NO_SUCH_OBJECT || rc == ResultCode.UNWILLING_TO_PERFORM) {
                return false;
            }
            if (connectionProblem(e)) throw unavailable(e);
            throw new LdapQueryException("LDAP bind as " + dn + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (pool != null) pool.close();
        pool = null;
    }
}
