package org.zcp.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped ldap.cfg examples (manual 5.2.3-5.2.6 for OpenLDAP, 5.3.2-5.3.5 for Active
 * Directory) load under the LDAP schema, set every option, and carry the values the manual gives
 * for their directory.
 */
class LdapExampleConfigTest {
    private static final Path ETC = Path.of("../appliance/src/main/etc");
    private static final Pattern OPTION_LINE = Pattern.compile("^\\s*([A-Za-z0-9_]+)\\s*=.*");

    private static Config load(String name) throws Exception {
        Path file = ETC.resolve(name);
        assertThat(file).isRegularFile();
        // throws ConfigException, listing every unknown option or bad value, when one is wrong
        return Config.load(Schemas.LDAP, file);
    }

    private static List<String> optionsSetIn(String name) throws Exception {
        return Files.readAllLines(ETC.resolve(name)).stream()
                .map(OPTION_LINE::matcher)
                .filter(m -> m.matches())
                .map(m -> m.group(1))
                .toList();
    }

    @Test
    void theOpenLdapExampleLoadsWithTheManualsValues() throws Exception {
        Config c = load("ldap.openldap.cfg");

        assertThat(c.get("ldap_uri")).isEmpty();
        assertThat(c.get("ldap_host")).isEqualTo("localhost");
        assertThat(c.getInt("ldap_port")).isEqualTo(389);
        assertThat(c.get("ldap_protocol")).isEqualTo("ldap");
        assertThat(c.get("ldap_search_base")).isEqualTo("dc=example,dc=com");
        assertThat(c.get("ldap_bind_user")).isEqualTo("cn=Manager,dc=example,dc=com");
        assertThat(c.get("ldap_authentication_method")).isEqualTo("bind");
        assertThat(c.get("ldap_user_type_attribute_value")).isEqualTo("posixAccount");
        assertThat(c.get("ldap_group_type_attribute_value")).isEqualTo("posixGroup");
        assertThat(c.get("ldap_contact_type_attribute_value")).isEqualTo("zarafa-contact");
        assertThat(c.get("ldap_company_type_attribute_value")).isEqualTo("zarafa-company");
        assertThat(c.get("ldap_addresslist_type_attribute_value")).isEqualTo("zarafa-addresslist");
        assertThat(c.get("ldap_dynamicgroup_type_attribute_value")).isEqualTo("zarafa-dynamicgroup");
        assertThat(c.get("ldap_user_unique_attribute")).isEqualTo("uidNumber");
        assertThat(c.get("ldap_user_unique_attribute_type")).isEqualTo("text");
        assertThat(c.get("ldap_loginname_attribute")).isEqualTo("uid");
        assertThat(c.get("ldap_group_unique_attribute")).isEqualTo("gidNumber");
        assertThat(c.get("ldap_groupmembers_attribute")).isEqualTo("memberUid");
        assertThat(c.get("ldap_groupmembers_attribute_type")).isEqualTo("text");
        assertThat(c.get("ldap_groupmembers_relation_attribute")).isEqualTo("uid");
        assertThat(c.get("ldap_group_security_attribute")).isEqualTo("zarafaSecurityGroup");
        assertThat(c.get("ldap_group_security_attribute_type")).isEqualTo("boolean");
        assertThat(c.get("ldap_last_modification_attribute")).isEqualTo("modifyTimestamp");
        // Appendix B: the quota attributes are in megabytes
        assertThat(c.getLong("ldap_quota_multiplier")).isEqualTo(1024L * 1024);
        assertThat(c.propmaps()).containsExactly(Path.of("/etc/zarafa/ldap.propmap.cfg"));
    }

    @Test
    void theActiveDirectoryExampleLoadsWithTheManualsValues() throws Exception {
        Config c = load("ldap.active-directory.cfg");

        assertThat(c.get("ldap_search_base")).isEqualTo("dc=example,dc=com");
        assertThat(c.get("ldap_user_type_attribute_value")).isEqualToIgnoringCase("user");
        assertThat(c.get("ldap_contact_type_attribute_value")).isEqualToIgnoringCase("contact");
        assertThat(c.get("ldap_user_search_filter")).isEqualTo("(objectCategory=Person)");
        assertThat(c.get("ldap_user_unique_attribute")).isEqualTo("objectGUID");
        assertThat(c.get("ldap_user_unique_attribute_type")).isEqualTo("binary");
        assertThat(c.get("ldap_loginname_attribute")).isEqualTo("sAMAccountName");
        assertThat(c.get("ldap_password_attribute")).isEmpty();
        assertThat(c.get("ldap_authentication_method")).isEqualTo("bind");
        assertThat(c.get("ldap_emailaliases_attribute")).isEqualTo("otherMailbox");
        assertThat(c.get("ldap_group_unique_attribute")).isEqualTo("objectSid");
        assertThat(c.get("ldap_group_unique_attribute_type")).isEqualTo("binary");
        assertThat(c.get("ldap_groupmembers_attribute")).isEqualTo("member");
        assertThat(c.get("ldap_groupmembers_attribute_type")).isEqualTo("dn");
        assertThat(c.get("ldap_group_security_attribute")).isEqualTo("groupType");
        assertThat(c.get("ldap_group_security_attribute_type")).isEqualTo("ads");
        assertThat(c.get("ldap_company_type_attribute_value")).isEqualTo("ou");
        assertThat(c.get("ldap_company_unique_attribute")).isEqualTo("objectGUID");
        assertThat(c.get("ldap_company_unique_attribute_type")).isEqualTo("binary");
        assertThat(c.get("ldap_sendas_attribute_type")).isEqualTo("dn");
        assertThat(c.get("ldap_last_modification_attribute")).isEqualTo("uSNChanged");
        assertThat(c.getInt("ldap_page_size")).isEqualTo(1000);
        assertThat(c.getLong("ldap_quota_multiplier")).isEqualTo(1024L * 1024);
        assertThat(c.get("ldap_object_search_filter")).isEqualTo("(anr=%s)");
        assertThat(c.propmaps()).containsExactly(Path.of("/etc/zarafa/ldap.propmap.cfg"));
    }

    @Test
    void bothExamplesSetEveryOptionOnce() throws Exception {
        // an obsolete option (ldap_company_scope) is accepted from an administrator's file, not shipped
        List<String> current = Schemas.LDAP.keys().stream().filter(k -> Schemas.LDAP.option(k).obsolete() == null)
                .toList();
        assertThat(current).hasSizeLessThan(Schemas.LDAP.keys().size());
        for (String name : List.of("ldap.openldap.cfg", "ldap.active-directory.cfg")) {
            assertThat(optionsSetIn(name)).as(name).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(current);
        }
    }

    @Test
    void thePropmapExampleMapsStringTagsToAttributes() throws Exception {
        Path propmap = ETC.resolve("ldap.propmap.cfg");
        Pattern line = Pattern.compile("^0x[0-9A-F]{4}001E = [A-Za-z][A-Za-z0-9-]*$");

        List<String> mappings = Files.readAllLines(propmap).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .toList();

        assertThat(mappings).isNotEmpty().allSatisfy(l -> assertThat(l).matches(line));
        assertThat(mappings).contains("0x3A08001E = telephoneNumber", "0x3A1C001E = mobile",
                "0x3A06001E = givenName", "0x3A11001E = sn");
    }
}
