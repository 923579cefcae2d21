package org.zcp.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.soap.CompanyDetails;
import org.zcp.api.soap.LogonResult;
import org.zcp.api.soap.MapiException;
import org.zcp.api.soap.UserDetails;
import org.zcp.api.soap.ZarafaCmd;
import org.zcp.tools.admin.ZarafaAdmin;
import org.zcp.tools.soap.ServerConnection;
import org.zcp.tools.soap.ZarafaClient;

/**
 * The server under test, as the failsafe execution describes it (system properties): its SOAP
 * URL, its files, and helpers that create a fresh tenant and users so test classes never see each
 * other's data. The server runs with enable_hosted_zarafa = yes and loginname_format %u@%c.
 */
public final class ItServer {
    private static ZarafaCmd client;

    private ItServer() {
    }

    public static String db() {
        return System.getProperty("zcp.itest.db", "h2");
    }

    public static Path dir() {
        return Path.of(System.getProperty("zcp.itest.dir"));
    }

    public static String url() {
        return "http://127.0.0.1:" + System.getProperty("zcp.itest.port", "12236") + "/zarafa";
    }

    public static String sslUrl() {
        return "https://127.0.0.1:" + System.getProperty("zcp.itest.sslport", "12237") + "/zarafa";
    }

    /** zarafa-ical's plain listener (ical_port of the run's ical.cfg, prepare.sh), without a trailing slash. */
    public static String icalUrl() {
        return "http://127.0.0.1:" + System.getProperty("zcp.itest.icalport", "12080");
    }

    /** zarafa-ical's TLS listener (icals_port; the certificate prepare.sh made for localhost and 127.0.0.1). */
    public static String icalsUrl() {
        return "https://127.0.0.1:" + System.getProperty("zcp.itest.icalsport", "12443");
    }

    /** WebAccess over HTTP (http_port of the run's webaccess.cfg, prepare.sh), without a trailing slash. */
    public static String webUrl() {
        return "http://127.0.0.1:" + System.getProperty("zcp.itest.webport", "12180") + "/webaccess";
    }

    /** WebAccess over HTTPS (https_port; the certificate prepare.sh made for localhost and 127.0.0.1). */
    public static String websUrl() {
        return "https://127.0.0.1:" + System.getProperty("zcp.itest.webssport", "12543") + "/webaccess";
    }

    public static synchronized ZarafaCmd client() {
        if (client == null) client = ZarafaClient.create(url());
        return client;
    }

    /** A SYSTEM session through the trusted local logon (manual 6.1). */
    public static String admin() throws Exception {
        String token = Files.readString(dir().resolve("run/zarafa-admin.token")).trim();
        return client().localAdminLogon(System.getProperty("user.name"), token, "itest").sessionId;
    }

    public static String logon(String user, String password) throws MapiException {
        LogonResult r = client().logon(user, password, null, "itest");
        return r.sessionId;
    }

    /** A new company with its public store; returns its name. */
    public static String company(String admin) throws MapiException {
        String name = "c" + UUID.randomUUID().toString().substring(0, 8);
        CompanyDetails c = new CompanyDetails();
        c.companyName = name;
        client().createCompany(admin, c);
        return name;
    }

    /** A new active user in the company; returns the login name (user@company). */
    public static String user(String admin, String company, String name) throws MapiException {
        UserDetails u = details(company, name);
        client().createUser(admin, u);
        return u.userName;
    }

    /** A user {@code name@company} as these tests make them: password as {@link #password}, a full name and address. */
    private static UserDetails details(String company, String name) {
        UserDetails u = new UserDetails();
        u.userName = name + "@" + company;
        u.password = "secret-" + name;
        u.fullName = name.substring(0, 1).toUpperCase() + name.substring(1) + " Tester";
        u.email = name + "@" + company + ".example.com";
        return u;
    }

    /**
     * A user of fixed name ({@code name@company}, password as {@link #password}) with the imap
     * feature, in a company of its own: for tests that run inside the server in another instance of
     * their class and find the user by name. Made once per server run; a later run finds it there.
     */
    public static String imapUser(String company, String name) throws Exception {
        String admin = admin();
        CompanyDetails c = new CompanyDetails();
        c.companyName = company;
        UserDetails u = details(company, name);
        try {
            client().createCompany(admin, c);
            client().createUser(admin, u);
        } catch (MapiException e) {
            // made by an earlier run against this server
            if (e.error() != MapiError.MAPI_E_COLLISION) throw e;
        }
        client().setUserFeature(admin, u.userName, "imap", true);
        return u.userName;
    }

    public static String password(String login) {
        return "secret-" + login.substring(0, login.indexOf('@'));
    }

    public static List<String> auditLog() throws IOException {
        Path p = dir().resolve("log/audit.log");
        return Files.exists(p) ? Files.readAllLines(p) : List.of();
    }

    /** zarafa-admin as administrators run it, on a SYSTEM session of its own (it logs off at the end). */
    public static String zarafaAdmin(String... args) throws Exception {
        String session = admin();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = ZarafaAdmin.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                (host, config, trace) -> ServerConnection.of(client(), session, url()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(rc).as("zarafa-admin %s: %s%s", String.join(" ", args), text,
                err.toString(StandardCharsets.UTF_8)).isZero();
        return text;
    }

    /** The MAPI error a call ends with; an assertion error when it ends without one. */
    public static MapiError fault(ThrowingRunnable r) {
        try {
            r.run();
        } catch (MapiException e) {
            return e.error();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no fault");
    }

    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
