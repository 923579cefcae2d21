package org.zcp.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zcp.itests.ItServer.fault;
import static org.zcp.itests.ItServer.zarafaAdmin;

import java.nio.charset.StandardCharsets;
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
import org.zcp.api.soap.GroupDetails;
import org.zcp.api.soap.MapiException;
import org.zcp.api.soap.UserDetails;
import org.zcp.api.soap.ZarafaCmd;

/**
 * The server with user_plugin = ldap (manual 4.4.3, 5.2, 8.5) against a real Debian slapd that
 * prepare.sh started with the shipped zarafa.schema, the manual's Appendix C and the tests' own
 * entries (extra.ldif), the server's ldap.cfg being the shipped ldap.openldap.cfg pointed at it.
 * Users log on with their LDAP passwords over SOAP, IMAP, POP3 and CalDAV (Elytron's ldap-realm), zarafa-admin lists what LDAP has,
 * stores appear just in time, mail reaches addresses and aliases, changes in LDAP show, a user
 * removed from LDAP leaves an orphaned store after --sync, and a stopped slapd leaves logged-on
 * users working while new logons get a clear error.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LdapIT {
    static ZarafaCmd c;
    static String admin;
    static final int LDAP_PORT = Integer.getInteger("zcp.itest.ldapport", 16389);
    static final String LDAP = "ldap://127.0.0.1:" + LDAP_PORT;
    static final Path SLAPD = ItServer.dir().resolve("slapd");
    static final Path HARNESS = Path.of("src/test/config/slapd.sh").toAbsolutePath();

    @BeforeAll
    static void setUp() throws Exception {
        c = ItServer.client();
        admin = ItServer.admin();
    }

    /**
     * The lines slapd (of {@code slapdDir}) logs while {@code action} runs, up to the first that
     * contains {@code awaited}: slapd writes its log as it answers, so it is read again until that
     * line is there (5 s at most; the caller's assertions then say what is missing).
     */
    static List<String> slapdLog(Path slapdDir, ItServer.ThrowingRunnable action, String awaited) throws Exception {
        Path log = slapdDir.resolve("slapd.log");
        int before = Files.readAllLines(log, StandardCharsets.ISO_8859_1).size();
        action.run();
        List<String> lines = List.of();
        for (int i = 0; i < 50; i++) {
            List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            lines = all.subList(before, all.size());
            if (lines.stream().anyMatch(l -> l.contains(awaited))) break;
            Thread.sleep(100);
        }
        return lines;
    }

    /** ldapadd/ldapmodify/ldapdelete as cn=Manager on the test's slapd. */
    static void ldap(String tool, String input, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(tool, "-x", "-H", LDAP, "-D", "cn=Manager,dc=example,dc=com",
                "-w", "secret"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (input != null) p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(tool + ": " + out).isZero();
    }

    static void harness(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("sh", HARNESS.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("slapd.sh " + String.join(" ", args) + ": " + out).isZero();
    }

    @Test
    @Order(1)
    void usersLogOnWithTheirLdapPasswordAndGetAStoreOnTheWay() throws Exception {
        String s = ItServer.logon("john", "john");
        assertThat(c.getStore(s, null).inboxId).isNotNull();
        assertThat(fault(() -> ItServer.logon("john", "wrong"))).isEqualTo(MapiError.MAPI_E_LOGON_FAILED);
        assertThat(fault(() -> ItServer.logon("john", ""))).isEqualTo(MapiError.MAPI_E_LOGON_FAILED);
        // {SSHA} in userPassword: slapd checks it on the bind
        assertThat(ItServer.logon("jane", "jane-secret")).isNotBlank();
        // a non-active user (zarafaSharedStoreOnly) never logs on
        assertThat(fault(() -> ItServer.logon("helpdesk", ""))).isEqualTo(MapiError.MAPI_E_LOGON_FAILED);
        // the created users' script ran for them (manual 8.5.1.1)
        assertThat(Files.readAllLines(ItServer.dir().resolve("log/created-users"))).contains("john", "jane");
    }

    /**
     * Issue 12 item 4: with ldap_authentication_method = bind the password is checked by
     * WildFly Elytron's ldap-realm "zarafa-ldap" of the security domain "zarafa": slapd sees its
     * search for the user (the plugin's user filter and the login attribute, as the launcher made
     * it from ldap.cfg) and then the bind as the user's entry.
     */
    @Test
    @Order(1)
    void passwordsAreCheckedByElytronsLdapRealm() throws Exception {
        assertThat(Files.readString(ItServer.dir().resolve("log/server.log")))
                .contains("logons are checked by the Elytron security domain 'zarafa', realm zarafa-ldap");
        List<String> lines = slapdLog(SLAPD, () -> assertThat(ItServer.logon("jane", "jane-secret")).isNotBlank(),
                "BIND dn=\"uid=jane,ou=People,dc=example,dc=com\"");
        assertThat(lines).anyMatch(l -> l.contains("SRCH base=\"dc=example,dc=com\"")
                && l.contains("filter=\"(&(objectClass=posixAccount)(uid=jane))\""));
        assertThat(lines).anyMatch(l -> l.contains("BIND dn=\"uid=jane,ou=People,dc=example,dc=com\""));
    }

    @Test
    @Order(2)
    void filterMetacharactersNeverLogOnAsSomebody() throws Exception {
        // (NUL cannot travel in SOAP's XML; the unit test gives it to the LDAP plugin directly)
        for (String name : List.of("*", "j*", "john)(uid=*", "*)(|(uid=*", "\\2a", "john*")) {
            assertThat(fault(() -> ItServer.logon(name, "john"))).as(name).isEqualTo(MapiError.MAPI_E_LOGON_FAILED);
        }
        // the user whose name really is a* logs on as that user only
        String s = ItServer.logon("a*", "star-secret");
        assertThat(c.getStore(s, null).ownerName).isEqualTo("a*");
    }

    @Test
    @Order(3)
    void zarafaAdminListsWhatLdapHas() throws Exception {
        String users = zarafaAdmin("-l");
        assertThat(users).contains("john", "John Doe", "jane", "Jane Roe", "pete", "helpdesk", "room1")
                .doesNotContain("Manager");
        String groups = zarafaAdmin("-L");
        assertThat(groups).contains("Example security group", "Example distribution group", "Sales", "Staff", "Dutch");
        String details = zarafaAdmin("--details", "john");
        assertThat(details).contains("john@example.com", "John Doe").containsPattern("Active:\\s+yes");
        UserDetails john = c.getUser(admin, "john");
        assertThat(john.email).isEqualTo("john@example.com");
        assertThat(john.quotaOverride).isTrue();
        assertThat(john.quotaHard).isEqualTo(1200000000L * 1048576);
        UserDetails room = c.getUser(admin, "room1");
        assertThat(room.active).isFalse();
        GroupDetails staff = c.getGroup(admin, "Staff");
        assertThat(staff).isNotNull();
        assertThat(c.getUserListOfGroup(admin, "Sales")).extracting(u -> u.userName).containsExactlyInAnyOrder("jane", "pete");
        // the stores of users listed for the first time were made (manual 5.2.7: "the first time zarafa-admin -l is done")
        assertThat(c.getStore(admin, "pete").inboxId).isNotNull();
    }

    @Test
    @Order(3)
    void theGlobalAddressBookServesLdapEntries() throws Exception {
        String s = ItServer.logon("jane", "jane-secret");
        java.util.Map<String, org.zcp.api.soap.AddressEntry> gal = new java.util.HashMap<>();
        for (org.zcp.api.soap.AddressEntry e : c.getGlobalAddressBook(s)) gal.put(e.name, e);
        assertThat(gal).containsKeys("john", "jane", "pete", "helpdesk", "room1", "Mary Poppins", "Sales", "Staff", "Dutch")
                .doesNotContainKeys("hidden", "SYSTEM", "Everyone");
        assertThat(gal.get("room1").type).isEqualTo("room");
        assertThat(gal.get("Mary Poppins").type).isEqualTo("contact");
        assertThat(gal.get("Mary Poppins").email).isEqualTo("mary@poppins.org");
        assertThat(gal.get("Sales").securityGroup).isFalse();
        assertThat(gal.get("Staff").securityGroup).isTrue();
        assertThat(gal.get("john").aliases).containsExactly("j.doe@example.com");
        var r = c.resolveNames(s, List.of("jane", "Jane Roe", "j.doe@example.com", "j", "zzz", "hidden", "sales@example.com"));
        assertThat(r).extracting(x -> x.status).containsExactly(org.zcp.api.soap.ResolvedName.RESOLVED,
                org.zcp.api.soap.ResolvedName.RESOLVED, org.zcp.api.soap.ResolvedName.RESOLVED,
                org.zcp.api.soap.ResolvedName.AMBIGUOUS, org.zcp.api.soap.ResolvedName.UNRESOLVED,
                org.zcp.api.soap.ResolvedName.UNRESOLVED, org.zcp.api.soap.ResolvedName.RESOLVED);
        assertThat(r.get(2).entries.get(0).name).isEqualTo("john");
        assertThat(r.get(3).entries).extracting(e -> e.name).contains("john", "jane");
        assertThat(c.getAddressEntry(s, gal.get("Sales").entryId).email).isEqualTo("sales@example.com");
        // Appendix C's address list: (mail=*@example.com), hidden users left out
        assertThat(c.getAddressLists(s)).containsExactly("Example addresslist");
        assertThat(c.getAddressList(s, "Example addresslist")).extracting(e -> e.name)
                .contains("john", "jane", "pete", "helpdesk", "room1").doesNotContain("hidden", "Mary Poppins");
        assertThat(fault(() -> c.getAddressList(s, "nope"))).isEqualTo(MapiError.MAPI_E_NOT_FOUND);
        // the address book's containers: the global address book, the address list below it,
        // each opened by its entry id (MAPI_ABCONT) with what its own call lists
        List<org.zcp.api.soap.AddressContainer> books = c.getAddressBookHierarchy(s);
        assertThat(books).extracting(b -> b.name + "/" + b.type + "/" + b.depth)
                .containsExactly("Global Address Book/gal/0", "Example addresslist/addresslist/1");
        assertThat(c.getAddressContainer(s, books.get(0).entryId)).extracting(e -> e.name)
                .containsExactlyElementsOf(c.getGlobalAddressBook(s).stream().map(e -> e.name).toList());
        assertThat(c.getAddressContainer(s, books.get(1).entryId)).extracting(e -> e.name)
                .containsExactlyElementsOf(c.getAddressList(s, "Example addresslist").stream().map(e -> e.name).toList());
        // an entry's id is no container, a container's id no entry
        assertThat(fault(() -> c.getAddressContainer(s, gal.get("Sales").entryId))).isEqualTo(MapiError.MAPI_E_INVALID_ENTRYID);
        assertThat(fault(() -> c.getAddressEntry(s, books.get(0).entryId))).isEqualTo(MapiError.MAPI_E_NOT_FOUND);
        assertThat(fault(() -> c.getAddressEntry(s, "00000000AC21A95040D3EE48B319FBA75330442500000000060000007F96980000000000")))
                .isEqualTo(MapiError.MAPI_E_NOT_FOUND);
    }

    @Test
    @Order(4)
    void ldapUsersCannotBeChangedThroughTheServer() throws Exception {
        UserDetails u = new UserDetails();
        u.userName = "newbie";
        u.password = "x";
        assertThat(fault(() -> c.createUser(admin, u))).isEqualTo(MapiError.MAPI_E_NO_SUPPORT);
        UserDetails rename = new UserDetails();
        rename.fullName = "Johnny";
        assertThat(fault(() -> c.setUser(admin, "john", rename))).isEqualTo(MapiError.MAPI_E_NO_SUPPORT);
    }

    @Test
    @Order(5)
    void imapLogonUsesTheLdapPasswordAndFeatures() throws Exception {
        int imap = Integer.getInteger("zcp.itest.lmtpport") + 140;
        // john has zarafaEnabledFeatures: imap (Appendix C)
        jakarta.mail.Store store = ImapIT.connect("imap", imap, "john", "john");
        store.close();
        assertThatThrownBy(() -> ImapIT.connect("imap", imap, "john", "nope"))
                .isInstanceOf(jakarta.mail.AuthenticationFailedException.class);
        // jane has no feature of her own, and disabled_features holds imap by default
        assertThatThrownBy(() -> ImapIT.connect("imap", imap, "jane", "jane-secret"))
                .isInstanceOf(jakarta.mail.AuthenticationFailedException.class);
    }

    /**
     * POP3 and CalDAV check LDAP passwords through the same security domain: pete gets pop3 in
     * LDAP (zarafaEnabledFeatures), which the server takes at his next logon.
     */
    @Test
    @Order(5)
    void pop3AndCalDavLogOnWithTheLdapPassword() throws Exception {
        ldap("ldapmodify", """
                dn: uid=pete,ou=People,dc=example,dc=com
                changetype: modify
                add: zarafaEnabledFeatures
                zarafaEnabledFeatures: pop3
                """);
        int pop3 = Integer.getInteger("zcp.itest.lmtpport") + 107;
        try (Pop3IT.Client p = new Pop3IT.Client(new java.net.Socket("127.0.0.1", pop3))) {
            assertThat(p.line()).startsWith("+OK");
            assertThat(p.cmd("USER pete")).startsWith("+OK");
            assertThat(p.cmd("PASS wrong")).startsWith("-ERR");
        }
        try (Pop3IT.Client p = new Pop3IT.Client(new java.net.Socket("127.0.0.1", pop3))) {
            assertThat(p.line()).startsWith("+OK");
            assertThat(p.cmd("USER pete")).startsWith("+OK");
            assertThat(p.cmd("PASS " + "pete-secret")).startsWith("+OK");
            assertThat(p.cmd("STAT")).startsWith("+OK");
        }
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<String, Integer> propfind = password -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(ItServer.icalUrl() + "/caldav/pete/"))
                        .method("PROPFIND", java.net.http.HttpRequest.BodyPublishers.noBody()).header("Depth", "0")
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                ("pete:" + password).getBytes(StandardCharsets.UTF_8)))
                        .build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        assertThat(propfind.apply("pete-secret")).isEqualTo(207);
        assertThat(propfind.apply("wrong")).isEqualTo(401);
    }

    @Test
    @Order(6)
    void mailReachesAddressesAndAliasesOfUsersNotSeenBefore() throws Exception {
        // pete never logged on, jane's alias is only in LDAP
        for (String to : List.of("jane.roe@example.com", "JOHN@example.com")) {
            List<String> replies = LmtpIT.session(List.of("LHLO itest", "MAIL FROM:<x@example.org>", "RCPT TO:<" + to + ">",
                    "DATA"), "Subject: to " + to + "\n\nhello\n", 1);
            assertThat(replies.get(replies.size() - 1)).as(to + ": " + replies).startsWith("250");
        }
        String s = ItServer.logon("jane", "jane-secret");
        assertThat(c.queryContents(s, c.getStore(s, null).inboxId, null).rowCount).isEqualTo(1);
        List<String> unknown = LmtpIT.session(List.of("LHLO itest", "MAIL FROM:<x@example.org>",
                "RCPT TO:<nobody@example.com>"), null, 0);
        assertThat(unknown.get(unknown.size() - 1)).startsWith("550");
    }

    /** One socketmap request (Postfix's netstring protocol) to the lookup port. */
    static String socketmap(String map, String key) throws Exception {
        int port = Integer.getInteger("zcp.itest.lmtpport") + 1;
        try (java.net.Socket sock = new java.net.Socket("127.0.0.1", port)) {
            sock.setSoTimeout(20_000);
            byte[] q = (map + " " + key).getBytes(StandardCharsets.UTF_8);
            sock.getOutputStream().write((q.length + ":" + new String(q, StandardCharsets.UTF_8) + ",")
                    .getBytes(StandardCharsets.UTF_8));
            sock.getOutputStream().flush();
            java.io.InputStream in = sock.getInputStream();
            StringBuilder len = new StringBuilder();
            int ch;
            while ((ch = in.read()) != ':') len.append((char) ch);
            byte[] answer = in.readNBytes(Integer.parseInt(len.toString()));
            return new String(answer, StandardCharsets.UTF_8);
        }
    }

    @Test
    @Order(7)
    void mailToAGroupReachesEachMemberOnce() throws Exception {
        String jane = ItServer.logon("jane", "jane-secret");
        String pete = ItServer.logon("pete", "pete-secret");
        long janeBefore = c.queryContents(jane, c.getStore(jane, null).inboxId, null).rowCount;
        long peteBefore = c.queryContents(pete, c.getStore(pete, null).inboxId, null).rowCount;
        // Sales (distribution: zarafaSecurityGroup 0) has jane and pete; pete also gets it directly
        List<String> replies = LmtpIT.session(List.of("LHLO itest", "MAIL FROM:<x@example.org>",
                "RCPT TO:<sales@example.com>", "RCPT TO:<pete@example.com>", "DATA"),
                "Message-ID: <group-1@example.org>\nSubject: to the sales group\n\nhello all\n", 2);
        assertThat(replies.subList(replies.size() - 2, replies.size())).as(replies.toString()).allMatch(r -> r.startsWith("250"));
        assertThat(c.queryContents(jane, c.getStore(jane, null).inboxId, null).rowCount).isEqualTo(janeBefore + 1);
        assertThat(c.queryContents(pete, c.getStore(pete, null).inboxId, null).rowCount).isEqualTo(peteBefore + 1);
        // Postfix's lookups: the group is a mailbox (LMTP expands it), and as an alias its members
        assertThat(socketmap("mailbox", "sales@example.com")).isEqualTo("OK sales@example.com");
        assertThat(socketmap("alias", "sales@example.com")).startsWith("OK ").contains("jane@example.com")
                .contains("pete@example.com");
        assertThat(socketmap("alias", "jane.roe@example.com")).isEqualTo("OK jane@example.com");
        assertThat(socketmap("mailbox", "jane.roe@example.com")).isEqualTo("OK jane@example.com");
        assertThat(socketmap("alias", "jane@example.com")).startsWith("NOTFOUND");
        assertThat(socketmap("mailbox", "nobody@example.com")).startsWith("NOTFOUND");
    }

    @Test
    @Order(8)
    void changesInLdapShowWithoutRestart() throws Exception {
        ldap("ldapmodify", """
                dn: uid=pete,ou=People,dc=example,dc=com
                changetype: modify
                replace: mail
                mail: peter@example.com
                -
                replace: cn
                cn: Peter Smith
                """);
        assertThat(zarafaAdmin("-l")).contains("Peter Smith");
        assertThat(c.getUser(admin, "pete").email).isEqualTo("peter@example.com");
        // group membership: jane leaves Staff
        ldap("ldapmodify", """
                dn: cn=Staff,ou=Groups,dc=example,dc=com
                changetype: modify
                delete: memberUid
                memberUid: jane
                """);
        assertThat(c.getUserListOfGroup(admin, "Staff")).extracting(u -> u.userName).containsExactlyInAnyOrder("john", "pete");
    }

    @Test
    @Order(9)
    void aUserRemovedFromLdapLeavesAnOrphanedStoreAfterSync() throws Exception {
        ldap("ldapadd", """
                dn: uid=leaver,ou=People,dc=example,dc=com
                objectClass: posixAccount
                objectClass: inetOrgPerson
                objectClass: zarafa-user
                uid: leaver
                cn: Lea Ver
                sn: Ver
                uidNumber: 1099
                gidNumber: 1000
                homeDirectory: /home/leaver
                mail: leaver@example.com
                userPassword: leaver-secret
                """);
        String s = ItServer.logon("leaver", "leaver-secret");
        assertThat(c.getStore(s, null).inboxId).isNotNull();
        ldap("ldapdelete", null, "uid=leaver,ou=People,dc=example,dc=com");
        // gone from LDAP: no logon, even before the sync
        assertThat(fault(() -> ItServer.logon("leaver", "leaver-secret"))).isEqualTo(MapiError.MAPI_E_LOGON_FAILED);
        String report = zarafaAdmin("--sync");
        assertThat(report).contains("removed user leaver");
        assertThat(zarafaAdmin("--list-orphans")).contains("leaver");
        assertThat(zarafaAdmin("-l")).doesNotContain("leaver");
        // a second sync has nothing left to remove
        assertThat(zarafaAdmin("--sync")).contains("0 removed").doesNotContain("removed user");
    }

    @Test
    @Order(10)
    void aStoppedLdapServerKeepsSessionsWorkingAndRefusesNewLogonsClearly() throws Exception {
        String s = ItServer.logon("john", "john");
        harness("stop", SLAPD.toString());
        try {
            // the logged-on user works on: folders, messages and rights come from the server's copy
            assertThat(c.getStore(s, null).inboxId).isNotNull();
            assertThat(c.queryContents(s, c.getStore(s, null).inboxId, null)).isNotNull();
            MapiException e = org.junit.jupiter.api.Assertions.assertThrows(MapiException.class,
                    () -> ItServer.logon("jane", "jane-secret"));
            assertThat(e.error()).isEqualTo(MapiError.MAPI_E_NETWORK_ERROR);
            assertThat(e.getMessage()).contains("LDAP server").contains("127.0.0.1:" + LDAP_PORT);
            // the address book as last read, nobody removed for it
            assertThat(zarafaAdmin("-l")).contains("john", "jane");
            assertThat(ItServer.auditLog()).anyMatch(l -> l.contains("jane") && l.contains("failed"));
        } finally {
            harness("resume", SLAPD.toString(), Integer.toString(LDAP_PORT));
        }
        assertThat(ItServer.logon("jane", "jane-secret")).isNotBlank();
    }

    @Test
    @Order(11)
    void syncReportsBrokenEntriesAndGoesOn() throws Exception {
        ldap("ldapadd", """
                dn: cn=Twin,ou=People,dc=example,dc=com
                objectClass: posixAccount
                objectClass: inetOrgPerson
                objectClass: zarafa-user
                uid: twin
                cn: Twin
                sn: Twin
                uidNumber: 1098
                gidNumber: 1000
                homeDirectory: /home/twin
                mail: john@example.com
                """);
        String report = zarafaAdmin("--sync");
        assertThat(report).contains("duplicate address: john@example.com");
        assertThat(zarafaAdmin("-l")).contains("twin", "john");
        ldap("ldapdelete", null, "cn=Twin,ou=People,dc=example,dc=com");
    }

}
