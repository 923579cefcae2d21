package org.zcp.store.directory.ldap;

import org.zcp.store.directory.ExternalObject;
import org.zcp.store.directory.DirectoryUnavailableException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldif.LDIFReader;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zcp.api.config.Config;
import org.zcp.api.config.Schemas;
import org.zcp.api.mapi.ObjectClass;
import org.zcp.store.directory.Attr;
import org.zcp.store.directory.UserPlugin.Kind;

/**
 * The LDAP plugin's reading of an OpenLDAP-shaped directory: the manual's Appendix C LDIF as
 * printed plus users, groups and a dynamic group of our own, served by UnboundID's in-memory
 * server (schema checks off; the real slapd with zarafa.schema is the integration test's).
 */
class LdapDirectoryTest {
    static final String EXTRA = """
            dn: uid=jane,ou=People,dc=example,dc=com
            objectClass: posixAccount
            objectClass: inetOrgPerson
            objectClass: zarafa-user
            uid: jane
            cn: Jane Roe
            sn: Roe
            uidNumber: 1002
            gidNumber: 1000
            homeDirectory: /home/jane
            mail: jane@example.com
            zarafaAliases: jane.roe@example.com
            userPassword: {SSHA}P6LBaMl4rvv0W6D7foqekKxS5IQ0pM1X

            dn: uid=pete,ou=People,dc=example,dc=com
            objectClass: posixAccount
            objectClass: inetOrgPerson
            objectClass: zarafa-user
            uid: pete
            cn: Pete Smith
            sn: Smith
            uidNumber: 1003
            gidNumber: 1000
            homeDirectory: /home/pete
            mail: pete@example.com
            zarafaAdmin: 1
            userPassword: pete-secret

            dn: uid=helpdesk,ou=People,dc=example,dc=com
            objectClass: posixAccount
            objectClass: inetOrgPerson
            objectClass: zarafa-user
            uid: helpdesk
            cn: Helpdesk
            sn: Helpdesk
            uidNumber: 1004
            gidNumber: 1000
            homeDirectory: /dev/null
            mail: helpdesk@example.com
            zarafaSharedStoreOnly: 1

            dn: uid=room1,ou=People,dc=example,dc=com
            objectClass: posixAccount
            objectClass: inetOrgPerson
            objectClass: zarafa-user
            uid: room1
            cn: Room One
            sn: One
            uidNumber: 1005
            gidNumber: 1000
            homeDirectory: /dev/null
            mail: room1@example.com
            zarafaSharedStoreOnly: 1
            zarafaResourceType: Room
            zarafaResourceCapacity: 12

            dn: uid=hidden,ou=People,dc=example,dc=com
            objectClass: posixAccount
            objectClass: inetOrgPerson
            objectClass: zarafa-user
            uid: hidden
            cn: Hidden User
            sn: User
            uidNumber: 1006
            gidNumber: 1000
            homeDirectory: /home/hidden
            mail: hidden@example.com
            zarafaHidden: 1

            dn: uid=a*,ou=People,dc=example,dc=com
            objectClass: posixAccount
            objectClass: inetOrgPerson
            objectClass: zarafa-user
            uid: a*
            cn: Star
            sn: Star
            uidNumber: 1007
            gidNumber: 1000
            homeDirectory: /home/star
            mail: star@example.com
            userPassword: star-secret

            dn: cn=Nameless,ou=People,dc=example,dc=com
            objectClass: posixAccount
            objectClass: inetOrgPerson
            cn: Nameless
            sn: Nameless
            uidNumber: 1008
            gidNumber: 1000
            homeDirectory: /home/nameless

            dn: cn=Sales,ou=Groups,dc=example,dc=com
            objectClass: posixGroup
            objectClass: zarafa-group
            cn: Sales
            gidNumber: 1002
            mail: sales@example.com
            zarafaSecurityGroup: 0
            memberUid: jane
            memberUid: pete

            dn: cn=Staff,ou=Groups,dc=example,dc=com
            objectClass: posixGroup
            objectClass: zarafa-group
            cn: Staff
            gidNumber: 1003
            memberUid: john
            memberUid: jane
            memberUid: pete
            memberUid: nobody

            dn: cn=Admins,ou=Groups,dc=example,dc=com
            objectClass: zarafa-dynamicgroup
            cn: Admins
            mail: admins@example.com
            zarafaFilter: (zarafaAdmin=1)
            """;

    InMemoryDirectoryServer server;
    int port;
    LdapDirectory dir;

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        InMemoryDirectoryServerConfig cfg = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        cfg.setSchema(null);
        cfg.addAdditionalBindCredentials("cn=Manager,dc=example,dc=com", "secret");
        cfg.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("default", port));
        server = new InMemoryDirectoryServer(cfg);
        server.importFromLDIF(true, Path.of("../itests/src/test/resources/ldap/appendix-c.ldif").toFile());
        try (LDIFReader r = new LDIFReader(new java.io.BufferedReader(new StringReader(EXTRA)))) {
            com.unboundid.ldif.LDIFRecord rec;
            while ((rec = r.readEntry()) != null) server.add((com.unboundid.ldap.sdk.Entry) rec);
        }
        server.startListening();
        dir = directory(Map.of());
    }

    @AfterEach
    void stop() {
        if (dir != null) dir.connector().close();
        server.shutDown(true);
    }

    LdapDirectory directory(Map<String, String> overrides) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of("ldap_uri", "ldap://127.0.0.1:" + port, "ldap_search_base",
                "dc=example,dc=com", "ldap_bind_user", "cn=Manager,dc=example,dc=com", "ldap_bind_passwd", "secret",
                "ldap_quota_multiplier", "1048576", "ldap_network_timeout", "2"));
        o.putAll(overrides);
        LdapSettings s = new LdapSettings(Config.load(Schemas.LDAP, null, o));
        assertThat(s.problems()).isEmpty();
        LdapConnector c = new LdapConnector(s);
        c.open();
        return new LdapDirectory(s, c);
    }

    ExternalObject user(String name) {
        List<ExternalObject> found = dir.findByName(Kind.USER, name, null);
        assertThat(found).as(name).hasSize(1);
        return found.get(0);
    }

    @Test
    void appendixCUserIsReadWithEveryMappedAttribute() {
        ExternalObject john = user("john");
        assertThat(john.objectClass()).isEqualTo(ObjectClass.ACTIVE_USER);
        assertThat(john.externId()).isEqualTo("1000");
        assertThat(john.dn()).isEqualTo("uid=john,ou=People,dc=example,dc=com");
        assertThat(john.props()).containsEntry(Attr.NAME, "john").containsEntry(Attr.FULLNAME, "John Doe")
                .containsEntry(Attr.EMAIL, "john@example.com").containsEntry(Attr.ALIASES, "j.doe@example.com")
                .containsEntry(Attr.ADMIN, "0").containsEntry(Attr.QUOTA_OVERRIDE, "1")
                .containsEntry(Attr.QUOTA_WARN, Long.toString(1000000000L * 1048576))
                .containsEntry(Attr.QUOTA_HARD, Long.toString(1200000000L * 1048576))
                .containsEntry(Attr.FEATURES_ENABLED, "imap").containsEntry(Attr.FEATURES_DISABLED, "pop3")
                .doesNotContainKey(Attr.HIDDEN);
    }

    @Test
    void usersContactsAndResourcesAreTold() {
        Map<String, ObjectClass> kinds = new HashMap<>();
        for (ExternalObject o : dir.list(Kind.USER, null)) kinds.put(o.name(), o.objectClass());
        assertThat(kinds).containsEntry("john", ObjectClass.ACTIVE_USER).containsEntry("helpdesk", ObjectClass.NONACTIVE_USER)
                .containsEntry("room1", ObjectClass.NONACTIVE_ROOM).containsEntry("Mary Poppins", ObjectClass.NONACTIVE_CONTACT)
                .containsEntry("hidden", ObjectClass.ACTIVE_USER).containsEntry("a*", ObjectClass.ACTIVE_USER);
        assertThat(user("room1").props()).containsEntry(Attr.RESOURCE_CAPACITY, "12");
        assertThat(user("hidden").props()).containsEntry(Attr.HIDDEN, "1");
        ExternalObject mary = user("Mary Poppins");
        assertThat(mary.externId()).isEqualTo("1001");
        assertThat(mary.props()).containsEntry(Attr.EMAIL, "mary@poppins.org");
    }

    @Test
    void anEntryWithoutItsNameIsReportedNotDropped() {
        ExternalObject nameless = dir.list(Kind.USER, null).stream().filter(o -> o.externId().equals("1008")).findFirst()
                .orElseThrow();
        assertThat(nameless.problems()).singleElement().asString().contains("cn=Nameless").contains("ldap_loginname_attribute");
    }

    @Test
    void filterMetacharactersInNamesAreEscaped() {
        assertThat(dir.findByName(Kind.USER, "*", null)).isEmpty();
        assertThat(dir.findByName(Kind.USER, "j*", null)).isEmpty();
        assertThat(dir.findByName(Kind.USER, "john)(uid=*", null)).isEmpty();
        assertThat(dir.findByName(Kind.USER, "\\2a", null)).isEmpty();
        assertThat(dir.findByName(Kind.USER, "john\0", null)).isEmpty();
        // a user literally named a* is found by exactly that name, and only that user
        assertThat(dir.findByName(Kind.USER, "a*", null)).extracting(ExternalObject::externId).containsExactly("1007");
        assertThat(dir.byAddress("*")).isEmpty();
        assertThat(dir.hasAddressIn("*")).isFalse();
    }

    @Test
    void groupsSecurityDistributionAndDynamic() {
        Map<String, ObjectClass> kinds = new HashMap<>();
        for (ExternalObject o : dir.list(Kind.GROUP, null)) kinds.put(o.name(), o.objectClass());
        assertThat(kinds).containsEntry("Example security group", ObjectClass.DISTLIST_SECURITY)
                .containsEntry("Example distribution group", ObjectClass.DISTLIST_GROUP)
                .containsEntry("Sales", ObjectClass.DISTLIST_GROUP).containsEntry("Staff", ObjectClass.DISTLIST_SECURITY)
                .containsEntry("Admins", ObjectClass.DISTLIST_DYNAMIC);
        ExternalObject sales = dir.findByName(Kind.GROUP, "Sales", null).get(0);
        assertThat(dir.members(sales)).extracting(ExternalObject::name).containsExactlyInAnyOrder("jane", "pete");
        ExternalObject staff = dir.findByName(Kind.GROUP, "Staff", null).get(0);
        assertThat(dir.members(staff)).extracting(ExternalObject::name).containsExactlyInAnyOrder("john", "jane", "pete");
        ExternalObject admins = dir.findByName(Kind.GROUP, "Admins", null).get(0);
        assertThat(admins.externId()).isEqualTo("dynamicgroup:Admins");
        assertThat(dir.members(admins)).extracting(ExternalObject::name).containsExactly("pete");
        assertThat(dir.groupsOf(user("john"))).extracting(ExternalObject::name)
                .containsExactlyInAnyOrder("Example security group", "Example distribution group", "Staff");
        assertThat(dir.byExternId(Kind.GROUP, "dynamicgroup:Admins")).map(ExternalObject::name).contains("Admins");
        assertThat(dir.byExternId(Kind.GROUP, "1002")).map(ExternalObject::name).contains("Sales");
    }

    @Test
    void addressesAndAliasesFindTheirOwner() {
        assertThat(dir.byAddress("J.DOE@example.com")).extracting(ExternalObject::name).containsExactly("john");
        assertThat(dir.byAddress("sales@example.com")).extracting(ExternalObject::name).containsExactly("Sales");
        assertThat(dir.byAddress("nobody@example.com")).isEmpty();
        assertThat(dir.hasAddressIn("example.com")).isTrue();
        assertThat(dir.hasAddressIn("example.org")).isFalse();
    }

    @Test
    void bindLogonChecksThePasswordWithTheServer() {
        assertThat(dir.authenticate(user("john"), "john")).isTrue();
        assertThat(dir.authenticate(user("john"), "wrong")).isFalse();
        assertThat(dir.authenticate(user("john"), "")).isFalse();
        assertThat(dir.authenticate(user("john"), null)).isFalse();
        assertThat(dir.authenticate(user("a*"), "star-secret")).isTrue();
        assertThat(dir.authenticate(user("Mary Poppins"), "anything")).isFalse();
        // the pool is bound as the bind user again after a user's bind: searches still work
        assertThat(dir.list(Kind.USER, null)).hasSizeGreaterThan(5);
    }

    @Test
    void passwordLogonComparesTheStoredHash() throws Exception {
        dir.connector().close();
        dir = directory(Map.of("ldap_authentication_method", "password"));
        assertThat(dir.authenticate(user("jane"), "jane-secret")).isTrue();
        assertThat(dir.authenticate(user("jane"), "Jane-secret")).isFalse();
        assertThat(dir.authenticate(user("pete"), "pete-secret")).isTrue();
        assertThat(dir.authenticate(user("helpdesk"), "")).isFalse();
    }

    @Test
    void pagedSearchesReturnEverything() throws Exception {
        int all = dir.list(Kind.USER, null).size();
        dir.connector().close();
        dir = directory(Map.of("ldap_page_size", "2"));
        assertThat(dir.list(Kind.USER, null)).hasSize(all);
    }

    @Test
    void aWrongBindPasswordNamesTheOption() {
        assertThatThrownBy(() -> directory(Map.of("ldap_bind_passwd", "wrong"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ldap_bind_passwd").hasMessageContaining("cn=Manager,dc=example,dc=com");
    }

    @Test
    void anUnreachableServerIsReportedAsSuchAndRecovers() throws Exception {
        server.shutDown(true);
        assertThatThrownBy(() -> dir.findByName(Kind.USER, "john", null)).isInstanceOf(DirectoryUnavailableException.class)
                .hasMessageContaining("127.0.0.1:" + port);
        assertThatThrownBy(() -> dir.authenticate(new ExternalObject(ObjectClass.ACTIVE_USER, "1000",
                "uid=john,ou=People,dc=example,dc=com", Map.of(), "", List.of()), "john"))
                .isInstanceOf(DirectoryUnavailableException.class);
        server.startListening();
        assertThat(dir.findByName(Kind.USER, "john", null)).hasSize(1);
    }

    @Test
    void aServerDownAtStartIsTriedAgainOnUse() throws Exception {
        dir.connector().close();
        server.shutDown(true);
        dir = directory(Map.of());
        server.startListening();
        assertThat(dir.findByName(Kind.USER, "john", null)).hasSize(1);
    }

    @Test
    void settingsProblemsNameTheirOptions() throws Exception {
        LdapSettings s = new LdapSettings(Config.load(Schemas.LDAP, null, Map.of("ldap_uri", "http://x ldap://",
                "ldap_authentication_method", "kerberos", "ldap_user_unique_attribute_type", "dn",
                "ldap_group_security_attribute_type", "maybe", "ldap_user_search_filter", "(uid=")));
        assertThat(String.join("\n", s.problems())).contains("ldap_uri: 'http://x'", "ldap_authentication_method",
                "ldap_user_unique_attribute_type", "ldap_group_security_attribute_type", "ldap_user_search_filter",
                "ldap_search_base");
    }
}
