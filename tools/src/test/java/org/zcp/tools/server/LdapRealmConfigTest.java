package org.zcp.tools.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zcp.api.config.Config;
import org.zcp.api.config.Schemas;

/** Which realm of the security domain "zarafa" checks passwords, and the ldap-realm's settings. */
class LdapRealmConfigTest {
    @TempDir
    Path dir;

    private Config ldap(String text) throws Exception {
        Path f = dir.resolve("ldap.cfg");
        Files.writeString(f, text);
        return Config.load(Schemas.LDAP, f);
    }

    /** The shipped example for OpenLDAP, as an administrator copies it. */
    private static Path example(String name) {
        return Path.of("..", "appliance", "src", "main", "etc", name);
    }

    @Test
    void bindLogonsGoToElytronsLdapRealmAndEverythingElseToThePluginRealm() throws Exception {
        assertThat(LdapRealmConfig.choose("db", null).realm()).isEqualTo("zarafa-plugin");
        assertThat(LdapRealmConfig.choose("unix", null).realm()).isEqualTo("zarafa-plugin");
        assertThat(LdapRealmConfig.choose("ldap", ldap("ldap_uri = ldap://a:389 ldap://b\n")).realm())
                .isEqualTo("zarafa-ldap");
        assertThat(LdapRealmConfig.choose("ldap", ldap("ldap_uri = ldaps://a ldaps://b:1636\n")).realm())
                .isEqualTo("zarafa-ldaps");
        assertThat(LdapRealmConfig.choose("ldap", ldap("ldap_host = h\nldap_protocol = ldaps\n")).realm())
                .isEqualTo("zarafa-ldaps");
    }

    @Test
    void whatElytronCannotDoStaysWithThePluginAndSaysWhy() throws Exception {
        assertThat(LdapRealmConfig.choose("ldap", ldap("ldap_authentication_method = password\n")))
                .isEqualTo(new LdapRealmConfig.Choice("zarafa-plugin",
                        "ldap_authentication_method = password: the plugin compares the hash itself"));
        assertThat(LdapRealmConfig.choose("ldap", ldap("ldap_starttls = yes\n")).reason()).contains("StartTLS");
        assertThat(LdapRealmConfig.choose("ldap", ldap("ldap_uri = ldap://a ldaps://b\n")).reason()).contains("mixes");
        assertThat(LdapRealmConfig.choose("ldap", ldap("ldap_user_search_filter = (cn={x})\n")).reason())
                .contains("braces");
    }

    @Test
    void theRealmFindsUsersWithThePluginsUserFilter() throws Exception {
        assertThat(LdapRealmConfig.filter(Config.load(Schemas.LDAP, example("ldap.openldap.cfg"))))
                .isEqualTo("(&(objectClass=posixAccount)(uid={0}))");
        assertThat(LdapRealmConfig.filter(Config.load(Schemas.LDAP, example("ldap.active-directory.cfg"))))
                .isEqualTo("(&(objectClass=user)(objectCategory=Person)(sAMAccountName={0}))");
        assertThat(LdapRealmConfig.filter(ldap("ldap_user_type_attribute_value = a*(b)\\\nldap_user_search_filter = mail=*\n")))
                .isEqualTo("(&(objectClass=a\\2a\\28b\\29\\5c)(mail=*)(uid={0}))");
    }

    @Test
    void theLauncherWritesTheRealmsPropertiesAndTrustStore() throws Exception {
        Path ca = dir.resolve("ca.pem");
        // a CA the launcher must put into the realm's trust store: the JDK's own first CA, as PEM
        KeyStore cacerts = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"))) {
            cacerts.load(in, "changeit".toCharArray());
        }
        String alias = cacerts.aliases().nextElement();
        Files.writeString(ca, "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder().encodeToString(
                cacerts.getCertificate(alias).getEncoded()) + "\n-----END CERTIFICATE-----\n");
        Files.writeString(dir.resolve("ldap.cfg"), """
                ldap_uri = ldaps://dir1.example.com ldaps://dir2.example.com:1636
                ldap_bind_user = cn=zarafa,dc=example,dc=com
                ldap_bind_passwd = s3cret
                ldap_search_base = dc=example,dc=com
                ldap_network_timeout = 7
                ldap_tls_cacert = %s
                """.formatted(ca));
        Path server = dir.resolve("server.cfg");
        Files.writeString(server, "user_plugin = ldap\nuser_plugin_config = ldap.cfg\n");
        Map<String, String> p = LdapRealmConfig.properties(Config.load(Schemas.SERVER, server), dir);

        assertThat(p).containsEntry("zcp.auth.realm", "zarafa-ldaps")
                .containsEntry("zcp.ldap.url", "ldaps://dir1.example.com:636 ldaps://dir2.example.com:1636")
                .containsEntry("zcp.ldap.auth.level", "simple")
                .containsEntry("zcp.ldap.bind.dn", "cn=zarafa,dc=example,dc=com")
                .containsEntry("zcp.ldap.bind.password", "s3cret")
                .containsEntry("zcp.ldap.timeout", "7000")
                .containsEntry("zcp.ldap.base", "dc=example,dc=com")
                .containsEntry("zcp.ldap.login.attribute", "uid")
                .doesNotContainKey("zcp.auth.realm.reason");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(Path.of(p.get("zcp.ldap.truststore")))) {
            trust.load(in, p.get("zcp.ldap.truststore.password").toCharArray());
        }
        assertThat(trust.size()).isEqualTo(1);
        assertThat(trust.getCertificate(trust.aliases().nextElement())).isEqualTo(cacerts.getCertificate(alias));
    }

    @Test
    void anAnonymousBindUserSearchesAnonymously() throws Exception {
        Files.writeString(dir.resolve("ldap.cfg"), "ldap_bind_user =\nldap_bind_passwd =\n");
        Path server = dir.resolve("server.cfg");
        Files.writeString(server, "user_plugin = ldap\nuser_plugin_config = ldap.cfg\n");
        Map<String, String> p = LdapRealmConfig.properties(Config.load(Schemas.SERVER, server), dir);
        assertThat(p).containsEntry("zcp.auth.realm", "zarafa-ldap").containsEntry("zcp.ldap.auth.level", "none")
                .containsEntry("zcp.ldap.truststore", dir.resolve("zarafa-ldap-trust.p12").toString());
        assertThat(dir.resolve("zarafa-ldap-trust.p12")).doesNotExist();
    }

    @Test
    void theDbPluginNeedsNoLdapSettings() throws Exception {
        Path server = dir.resolve("server.cfg");
        Files.writeString(server, "user_plugin = db\n");
        assertThat(LdapRealmConfig.properties(Config.load(Schemas.SERVER, server), dir))
                .containsEntry("zcp.auth.realm", "zarafa-plugin").doesNotContainKeys("zcp.ldap.url", "zcp.ldap.filter");
    }

    @Test
    void theLaunchersPropertiesNameTheRealm() throws Exception {
        Path file = dir.resolve("server.cfg");
        Files.writeString(dir.resolve("gateway.cfg"), "log_file = " + dir.resolve("log/gateway.log") + "\n");
        TestFaces.logsUnder(dir);
        Files.writeString(dir.resolve("ical.cfg"), "log_file = " + dir.resolve("log/ical.log") + "\n");
        Files.writeString(dir.resolve("webaccess.cfg"), "server_bind = 127.0.0.1\nhttps_enable = no\nlog_file = "
                + dir.resolve("log/webaccess.log") + "\n");
        Files.writeString(file, "pid_file = %1$s/run/zarafa-server.pid\nattachment_path = %1$s/lib/attachments\nlog_file = %1$s/log/server.log\n"
                .formatted(dir));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new ServerLauncher(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run(new String[] {"-c", file.toString()});
        assertThat(code).isZero();
        Properties p = new Properties();
        try (var in = Files.newInputStream(dir.resolve("run/zarafa-server.properties"))) {
            p.load(in);
        }
        assertThat(p.getProperty("zcp.auth.realm")).isEqualTo("zarafa-plugin");
    }
}
