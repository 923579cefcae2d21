package org.zcp.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zcp.api.config.Config;
import org.zcp.api.config.Schemas;
import org.zcp.api.mapi.ObjectClass;
import org.zcp.store.directory.Attr;
import org.zcp.store.directory.UserPlugin.Kind;
import org.zcp.store.directory.ldap.LdapConnector;
import org.zcp.store.directory.ldap.LdapDirectory;
import org.zcp.store.directory.ExternalObject;
import org.zcp.store.directory.ldap.LdapSettings;

/**
 * The LDAP plugin against a real Active Directory (manual 5.3): Samba's AD DC from Debian
 * (samba-ad-dc 4.17), provisioned by samba-ad.sh into target/ and serving only LDAP on a loopback
 * port of its own, read with the shipped ldap.active-directory.cfg: sAMAccountName logons by
 * bind, objectGUID/objectSid ids, otherMailbox aliases, groupType's security bit, nested groups
 * and contacts in distribution groups, paged searches. Runs in the LDAP integration run (no
 * WildFly needed: the plugin's directory code is exercised directly).
 */
class SambaAdIT {
    static final Path HARNESS = Path.of("src/test/config/samba-ad.sh").toAbsolutePath();
    static final Path DIR = Path.of("target/samba-ad").toAbsolutePath();
    static final int PORT = Integer.getInteger("zcp.itest.adport", 18389);
    static LdapDirectory dir;

    static String run(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("sh", HARNESS.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("samba-ad.sh " + String.join(" ", args) + ":\n" + out).isZero();
        return out;
    }

    @BeforeAll
    static void start() throws Exception {
        if (Files.exists(DIR.resolve("samba.pid"))) run("stop", DIR.toString());
        run("start", DIR.toString(), Integer.toString(PORT));
        run("populate", DIR.toString());
        Map<String, String> o = new HashMap<>(Map.of("ldap_uri", "ldap://127.0.0.1:" + PORT, "ldap_search_base",
                "dc=example,dc=local", "ldap_bind_user", "cn=Administrator,cn=Users,dc=example,dc=local",
                "ldap_bind_passwd", "Passw0rd!x", "ldap_page_size", "2"));
        LdapSettings s = new LdapSettings(Config.load(Schemas.LDAP,
                Path.of("../appliance/src/main/etc/ldap.active-directory.cfg"), o));
        assertThat(s.problems()).isEmpty();
        LdapConnector c = new LdapConnector(s);
        c.open();
        dir = new LdapDirectory(s, c);
    }

    @AfterAll
    static void stop() throws Exception {
        if (dir != null) dir.connector().close();
        run("stop", DIR.toString());
    }

    static ExternalObject one(Kind kind, String name) {
        List<ExternalObject> found = dir.findByName(kind, name, null);
        assertThat(found).as(name).hasSize(1);
        return found.get(0);
    }

    @Test
    void usersAreReadBySamAccountNameAndKnownByTheirGuid() {
        assertThat(dir.list(Kind.USER, null)).extracting(ExternalObject::name).contains("jdoe", "jroe", "Ext Contact");
        ExternalObject john = one(Kind.USER, "jdoe");
        assertThat(john.objectClass()).isEqualTo(ObjectClass.ACTIVE_USER);
        assertThat(john.externId()).hasSize(32).matches("[0-9a-f]+");
        assertThat(john.props()).containsEntry(Attr.EMAIL, "john@example.local").containsEntry(Attr.FULLNAME, "John Doe");
        assertThat(john.props().get(Attr.ALIASES)).contains("j.doe@example.local", "jd@example.local");
        assertThat(dir.byExternId(Kind.USER, john.externId())).map(ExternalObject::dn).contains(john.dn());
        assertThat(dir.byAddress("J.DOE@example.local")).extracting(ExternalObject::name).containsExactly("jdoe");
        assertThat(dir.findByName(Kind.USER, "j*", null)).isEmpty();
        ExternalObject contact = one(Kind.USER, "Ext Contact");
        assertThat(contact.objectClass()).isEqualTo(ObjectClass.NONACTIVE_CONTACT);
    }

    @Test
    void logonBindsWithTheAccountsPassword() {
        ExternalObject jane = one(Kind.USER, "jroe");
        assertThat(dir.authenticate(jane, "Passw0rd!r")).isTrue();
        assertThat(dir.authenticate(jane, "Passw0rd!j")).isFalse();
        assertThat(dir.authenticate(jane, "")).isFalse();
        // the pool is the bind user's again: searches go on
        assertThat(one(Kind.USER, "jdoe").name()).isEqualTo("jdoe");
    }

    @Test
    void groupTypeNestedGroupsAndContactsInDistributionLists() {
        ExternalObject staff = one(Kind.GROUP, "Staff");
        ExternalObject sales = one(Kind.GROUP, "Sales");
        assertThat(staff.objectClass()).isEqualTo(ObjectClass.DISTLIST_SECURITY);
        assertThat(sales.objectClass()).isEqualTo(ObjectClass.DISTLIST_GROUP);
        assertThat(staff.externId()).matches("[0-9a-f]{56}");
        // Staff: jdoe, jroe and Managers (jdoe again): each user once
        assertThat(dir.members(staff)).extracting(ExternalObject::name).containsExactlyInAnyOrder("jdoe", "jroe");
        assertThat(dir.members(sales)).extracting(ExternalObject::name).containsExactlyInAnyOrder("jroe", "Ext Contact");
        assertThat(dir.groupsOf(one(Kind.USER, "jdoe"))).extracting(ExternalObject::name).contains("Staff", "Managers");
        assertThat(dir.byAddress("sales@example.local")).extracting(ExternalObject::name).containsExactly("Sales");
        assertThat(dir.byExternId(Kind.GROUP, HexFormat.of().formatHex(HexFormat.of().parseHex(staff.externId()))))
                .map(ExternalObject::name).contains("Staff");
    }
}
