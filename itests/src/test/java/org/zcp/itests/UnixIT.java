package org.zcp.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.soap.UserDetails;
import org.zcp.api.soap.ZarafaCmd;

/**
 * The server with user_plugin = unix (manual 4.4.2, 8.4) on account files of the test's own
 * (unix.cfg's passwd_file, group_file, shadow_file under target/, written by prepare.sh): users
 * log on with their shadow passwords, a nologin shell makes a non-active user, groups come from
 * /etc/group, and what Unix cannot hold (the address, admin flag, quota) is set with zarafa-admin
 * and kept by the server (8.4.3); a user removed from passwd leaves an orphaned store after --sync.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnixIT {
    static ZarafaCmd c;
    static String admin;
    static final Path PASSWD = ItServer.dir().resolve("unix/passwd");

    @BeforeAll
    static void setUp() throws Exception {
        c = ItServer.client();
        admin = ItServer.admin();
    }

    @Test
    @Order(1)
    void usersLogOnWithTheirShadowPasswords() throws Exception {
        String s = ItServer.logon("alice", "alice-unix");
        assertThat(c.getStore(s, null).inboxId).isNotNull();
        assertThat(ItServer.logon("bob", "bob-unix")).isNotBlank();
        assertThat(ItServer.fault(() -> ItServer.logon("alice", "bob-unix"))).isEqualTo(MapiError.MAPI_E_LOGON_FAILED);
        // root is outside min_user_uid..max_user_uid; frontdesk has the non-login shell
        assertThat(ItServer.fault(() -> ItServer.logon("root", "x"))).isEqualTo(MapiError.MAPI_E_LOGON_FAILED);
        assertThat(ItServer.fault(() -> ItServer.logon("frontdesk", "x"))).isEqualTo(MapiError.MAPI_E_LOGON_FAILED);
    }

    @Test
    @Order(2)
    void zarafaAdminListsUnixUsersAndGroups() throws Exception {
        String users = ItServer.zarafaAdmin("-l");
        assertThat(users).contains("alice", "Alice Unix", "bob", "frontdesk").doesNotContain("root");
        assertThat(ItServer.zarafaAdmin("-L")).contains("staff", "alice");
        assertThat(c.getUser(admin, "frontdesk").active).isFalse();
        assertThat(c.getUser(admin, "bob").email).isEqualTo("bob@unix.example");
        assertThat(c.getUserListOfGroup(admin, "staff")).extracting(u -> u.userName).containsExactlyInAnyOrder("alice", "bob");
    }

    @Test
    @Order(3)
    void whatUnixCannotHoldIsSetWithZarafaAdmin() throws Exception {
        // manual 8.4.3: the address, administrator flag and quota with zarafa-admin
        ItServer.zarafaAdmin("-u", "alice", "-e", "alice@corp.example", "-a", "1");
        UserDetails alice = c.getUser(admin, "alice");
        assertThat(alice.email).isEqualTo("alice@corp.example");
        assertThat(alice.adminLevel).isEqualTo(1);
        // a later look at the account files keeps it
        assertThat(ItServer.zarafaAdmin("-l")).contains("alice");
        assertThat(c.getUser(admin, "alice").email).isEqualTo("alice@corp.example");
        // the name, full name and password are Unix's
        UserDetails rename = new UserDetails();
        rename.fullName = "Alice Renamed";
        assertThat(ItServer.fault(() -> c.setUser(admin, "alice", rename))).isEqualTo(MapiError.MAPI_E_NO_SUPPORT);
        UserDetails u = new UserDetails();
        u.userName = "carol";
        u.password = "x";
        assertThat(ItServer.fault(() -> c.createUser(admin, u))).isEqualTo(MapiError.MAPI_E_NO_SUPPORT);
        // mail to the address set by zarafa-admin reaches her
        List<String> r = LmtpIT.session(List.of("LHLO itest", "MAIL FROM:<x@example.org>", "RCPT TO:<alice@corp.example>",
                "DATA"), "Subject: unix\n\nhello\n", 1);
        assertThat(r.get(r.size() - 1)).as(r.toString()).startsWith("250");
    }

    @Test
    @Order(4)
    void aUserRemovedFromPasswdLeavesAnOrphanedStoreAfterSync() throws Exception {
        assertThat(ItServer.logon("bob", "bob-unix")).isNotBlank();
        List<String> lines = Files.readAllLines(PASSWD).stream().filter(l -> !l.startsWith("bob:")).toList();
        Files.write(PASSWD, lines);
        Files.setLastModifiedTime(PASSWD, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));
        assertThat(ItServer.fault(() -> ItServer.logon("bob", "bob-unix"))).isEqualTo(MapiError.MAPI_E_LOGON_FAILED);
        assertThat(ItServer.zarafaAdmin("--sync")).contains("removed user bob");
        assertThat(ItServer.zarafaAdmin("--list-orphans")).contains("bob");
    }
}
