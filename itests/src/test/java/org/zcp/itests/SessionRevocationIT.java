package org.zcp.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zcp.itests.Fixture.assertFault;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.api.soap.UserDetails;
import org.zcp.api.soap.ZarafaCmd;

/**
 * Sessions die with their rights (issue 9, review finding 9): deactivating or deleting a user,
 * a new password, another admin level or a disabled feature ends the sessions opened before.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionRevocationIT {
    static final int IMAP = Integer.getInteger("zcp.itest.lmtpport") + 140;
    static ZarafaCmd c;
    static String admin;
    static String company;

    @BeforeAll
    static void setUp() throws Exception {
        c = ItServer.client();
        admin = ItServer.admin();
        company = ItServer.company(admin);
    }

    @Test
    void deactivatingAUserEndsTheirSoapSession() throws Exception {
        String user = ItServer.user(admin, company, "deact");
        String s = ItServer.logon(user, ItServer.password(user));
        assertThat(c.getStore(s, null).inboxId).isNotNull();

        UserDetails change = new UserDetails();
        change.active = false;
        c.setUser(admin, user, change);

        assertFault(() -> c.getStore(s, null), "MAPI_E_END_OF_SESSION");
        assertFault(() -> ItServer.logon(user, ItServer.password(user)), "MAPI_E_LOGON_FAILED");
    }

    @Test
    void aNewPasswordEndsTheSessionsOpenedWithTheOldOne() throws Exception {
        String user = ItServer.user(admin, company, "repass");
        String s = ItServer.logon(user, ItServer.password(user));

        UserDetails change = new UserDetails();
        change.password = "another-secret";
        c.setUser(admin, user, change);

        assertFault(() -> c.getStore(s, null), "MAPI_E_END_OF_SESSION");
        assertThat(c.getStore(ItServer.logon(user, "another-secret"), null).inboxId).isNotNull();
    }

    @Test
    void deletingAUserEndsTheirSession() throws Exception {
        String user = ItServer.user(admin, company, "gone");
        String s = ItServer.logon(user, ItServer.password(user));

        c.deleteUser(admin, user);

        assertFault(() -> c.getStore(s, null), "MAPI_E_END_OF_SESSION");
    }

    @Test
    void aDemotedAdministratorCanNoLongerAdministerWithTheOldSession() throws Exception {
        UserDetails u = new UserDetails();
        u.userName = "boss@" + company;
        u.password = "secret-boss";
        u.email = "boss@" + company + ".example.com";
        u.adminLevel = 1;
        c.createUser(admin, u);
        String s = ItServer.logon(u.userName, "secret-boss");
        String other = ItServer.user(s, company, "madebyboss");
        assertThat(other).isNotNull();

        UserDetails change = new UserDetails();
        change.adminLevel = 0;
        c.setUser(admin, u.userName, change);

        assertFault(() -> ItServer.user(s, company, "toolate"), "MAPI_E_END_OF_SESSION");
    }

    @Test
    void disablingImapEndsAnIdlingImapSessionWithBye() throws Exception {
        String user = ItServer.user(admin, company, "idler");
        c.setUserFeature(admin, user, "imap", true);
        String soap = ItServer.logon(user, ItServer.password(user));
        try (Socket socket = new Socket("127.0.0.1", IMAP)) {
            socket.setSoTimeout(60_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            assertThat(in.readLine()).startsWith("* OK");
            send(out, "a LOGIN \"" + user + "\" \"" + ItServer.password(user) + "\"");
            assertThat(untilTagged(in, "a")).startsWith("a OK");
            send(out, "b SELECT INBOX");
            assertThat(untilTagged(in, "b")).startsWith("b OK");
            send(out, "c IDLE");
            assertThat(in.readLine()).startsWith("+");

            c.setUserFeature(admin, user, "imap", false);

            // the next poll of the IDLE session hears that its login is void (no fixed wait: the
            // read blocks until the server speaks, within the socket timeout)
            String line = in.readLine();
            while (line != null && line.startsWith("* ") && !line.startsWith("* BYE")) line = in.readLine();
            assertThat(line).startsWith("* BYE [EXPIRED]");
            assertThat(in.readLine()).as("the server closes the connection").isNull();
        }
        // the SOAP session of the same user is not an IMAP session: it stays
        assertThat(c.getStore(soap, null).inboxId).isNotNull();
    }

    private static void send(OutputStream out, String line) throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String untilTagged(BufferedReader in, String tag) throws Exception {
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith(tag + " ")) return line;
        }
        return "";
    }
}
