package org.zcp.store.directory.ldap;

import org.zcp.store.directory.ExternalObject;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zcp.api.config.Config;
import org.zcp.api.config.Schemas;
import org.zcp.api.mapi.ObjectClass;
import org.zcp.store.directory.Attr;
import org.zcp.store.directory.UserPlugin.Kind;

/**
 * The LDAP plugin on a directory shaped like Active Directory (manual 5.3), read with the shipped
 * ldap.active-directory.cfg: users and contacts by objectCategory, binary objectGUID/objectSid ids,
 * sAMAccountName logons, otherMailbox aliases, groups with member DNs and groupType's security
 * bit, nested groups (one of them a cycle), and AD's page size. Samba's AD DC is the real thing;
 * this is its shape on UnboundID's in-memory server (schema checks off).
 */
class LdapActiveDirectoryTest {
    static final String BASE = "dc=example,dc=local";
    InMemoryDirectoryServer server;
    LdapDirectory dir;
    final Map<String, byte[]> guids = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        InMemoryDirectoryServerConfig cfg = new InMemoryDirectoryServerConfig(BASE);
        cfg.setSchema(null);
        cfg.addAdditionalBindCredentials("cn=zarafa,cn=Users," + BASE, "secret");
        cfg.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("default", 0));
        server = new InMemoryDirectoryServer(cfg);
        server.add(new Entry(BASE, new Attribute("objectClass", "top", "domain"), new Attribute("dc", "example")));
        server.add(new Entry("cn=Users," + BASE, new Attribute("objectClass", "top", "container"), new Attribute("cn", "Users")));
        user("Administrator", "Administrator", null, "Computer"); // not a person: left out by the filter
        user("jdoe", "John Doe", "john@example.local", "Person");
        user("asmith", "Anne Smith", "anne@example.local", "Person");
        user("bjones", "Bob Jones", "bob@example.local", "Person");
        server.add(new Entry("cn=Outside Person,cn=Users," + BASE,
                new Attribute("objectClass", "top", "person", "organizationalPerson", "contact"),
                new Attribute("objectCategory", "Person"), new Attribute("cn", "Outside Person"),
                new Attribute("mail", "outside@partner.example"), new Attribute("objectGUID", guid("outside"))));
        // groupType: -2147483646 global security, 2 global distribution
        group("Engineers", "-2147483646", "engineers@example.local", "cn=jdoe,cn=Users," + BASE, "cn=Leads,cn=Users," + BASE);
        group("Leads", "-2147483646", null, "cn=asmith,cn=Users," + BASE, "cn=Engineers,cn=Users," + BASE);
        group("Newsletter", "2", "news@example.local", "cn=bjones,cn=Users," + BASE, "cn=Outside Person,cn=Users," + BASE);
        server.startListening();
        Map<String, String> o = new HashMap<>(Map.of("ldap_uri", "ldap://127.0.0.1:" + server.getListenPort(),
                "ldap_search_base", BASE, "ldap_bind_user", "cn=zarafa,cn=Users," + BASE, "ldap_bind_passwd", "secret",
                "ldap_page_size", "2"));
        LdapSettings s = new LdapSettings(Config.load(Schemas.LDAP,
                Path.of("../appliance/src/main/etc/ldap.active-directory.cfg"), o));
        assertThat(s.problems()).isEmpty();
        LdapConnector c = new LdapConnector(s);
        c.open();
        dir = new LdapDirectory(s, c);
    }

    @AfterEach
    void stop() {
        dir.connector().close();
        server.shutDown(true);
    }

    byte[] guid(String name) {
        UUID u = UUID.nameUUIDFromBytes(name.getBytes());
        byte[] b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
        guids.put(name, b);
        return b;
    }

    void user(String sam, String cn, String mail, String category) throws Exception {
        Entry e = new Entry("cn=" + sam + ",cn=Users," + BASE, new Attribute("objectClass", "top", "person",
                "organizationalPerson", "user"), new Attribute("objectCategory", category), new Attribute("cn", sam),
                new Attribute("displayName", cn), new Attribute("sAMAccountName", sam),
                new Attribute("objectGUID", guid(sam)), new Attribute("userPassword", sam + "-pw"));
        if (mail != null) {
            e.addAttribute("mail", mail);
            e.addAttribute("otherMailbox", "alias." + mail);
        }
        server.add(e);
    }

    void group(String cn, String groupType, String mail, String... members) throws Exception {
        Entry e = new Entry("cn=" + cn + ",cn=Users," + BASE, new Attribute("objectClass", "top", "group"),
                new Attribute("cn", cn), new Attribute("groupType", groupType), new Attribute("objectSid", guid(cn)),
                new Attribute("member", members));
        if (mail != null) e.addAttribute("mail", mail);
        server.add(e);
    }

    @Test
    void usersAreFoundByTheirAccountNameAndKnownByTheirGuid() {
        List<ExternalObject> users = dir.list(Kind.USER, null);
        assertThat(users).extracting(ExternalObject::name).containsExactlyInAnyOrder("jdoe", "asmith", "bjones", "Outside Person");
        ExternalObject john = dir.findByName(Kind.USER, "jdoe", null).get(0);
        assertThat(john.externId()).isEqualTo(HexFormat.of().formatHex(guids.get("jdoe")));
        assertThat(john.props()).containsEntry(Attr.EMAIL, "john@example.local").containsEntry(Attr.ALIASES,
                "alias.john@example.local");
        assertThat(dir.byExternId(Kind.USER, john.externId())).map(ExternalObject::dn).contains("cn=jdoe,cn=Users," + BASE);
        assertThat(users.stream().filter(u -> u.name().equals("Outside Person")).findFirst().orElseThrow().objectClass())
                .isEqualTo(ObjectClass.NONACTIVE_CONTACT);
        assertThat(dir.byAddress("ALIAS.anne@example.local")).extracting(ExternalObject::name).containsExactly("asmith");
    }

    @Test
    void groupTypeTellsSecurityFromDistributionGroups() {
        Map<String, ObjectClass> kinds = new HashMap<>();
        for (ExternalObject g : dir.list(Kind.GROUP, null)) kinds.put(g.name(), g.objectClass());
        assertThat(kinds).containsEntry("Engineers", ObjectClass.DISTLIST_SECURITY)
                .containsEntry("Leads", ObjectClass.DISTLIST_SECURITY).containsEntry("Newsletter", ObjectClass.DISTLIST_GROUP);
        assertThat(dir.findByName(Kind.GROUP, "Engineers", null).get(0).externId())
                .isEqualTo(HexFormat.of().formatHex(guids.get("Engineers")));
    }

    @Test
    void nestedGroupsAreFollowedAndACycleEnds() {
        ExternalObject engineers = dir.findByName(Kind.GROUP, "Engineers", null).get(0);
        // Engineers holds jdoe and Leads; Leads holds asmith and Engineers again
        assertThat(dir.members(engineers)).extracting(ExternalObject::name).containsExactlyInAnyOrder("jdoe", "asmith");
        ExternalObject anne = dir.findByName(Kind.USER, "asmith", null).get(0);
        assertThat(dir.groupsOf(anne)).extracting(ExternalObject::name).containsExactlyInAnyOrder("Leads", "Engineers");
        ExternalObject news = dir.findByName(Kind.GROUP, "Newsletter", null).get(0);
        assertThat(dir.members(news)).extracting(ExternalObject::name).containsExactlyInAnyOrder("bjones", "Outside Person");
    }

    @Test
    void logonBindsAsTheUsersDn() {
        ExternalObject bob = dir.findByName(Kind.USER, "bjones", null).get(0);
        assertThat(dir.authenticate(bob, "bjones-pw")).isTrue();
        assertThat(dir.authenticate(bob, "jdoe-pw")).isFalse();
        assertThat(dir.findByName(Kind.USER, "Administrator", null)).isEmpty();
    }
}
