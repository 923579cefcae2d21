package org.zcp.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void absentOptionsTakeTheManualsDefaults() throws Exception {
        Config c = Config.load(Schemas.SERVER, write("server.cfg", "# nothing\n"));
        assertThat(c.getInt("server_tcp_port")).isEqualTo(236);
        assertThat(c.getInt("server_ssl_port")).isEqualTo(237);
        assertThat(c.getBool("server_ssl_enabled")).isFalse();
        assertThat(c.getList("disabled_features")).containsExactly("imap", "pop3");
        assertThat(c.getInt("softdelete_lifetime")).isEqualTo(30);
        assertThat(c.getSize("cache_cell_size")).isEqualTo(256L * 1024 * 1024);
        assertThat(c.get("loginname_format")).isEqualTo("%u");
    }

    @Test
    void readsValuesCommentsAndIncludes() throws Exception {
        write("extra.cfg", "quota_hard = 200\n");
        Path main = write("server.cfg", """
                # comment
                server_tcp_port = 1236
                   quota_warn=100
                ; another comment
                !include extra.cfg
                mysql_password = se=cret
                """);
        Config c = Config.load(Schemas.SERVER, main);
        assertThat(c.getInt("server_tcp_port")).isEqualTo(1236);
        assertThat(c.getInt("quota_warn")).isEqualTo(100);
        assertThat(c.getInt("quota_hard")).isEqualTo(200);
        assertThat(c.get("mysql_password")).isEqualTo("se=cret");
        assertThat(c.directory()).isEqualTo(dir.toAbsolutePath());
    }

    @Test
    void everyUnknownOptionIsReportedAtOnce() throws Exception {
        Path main = write("server.cfg", "quota_hardd = 1\nserver_tcp_port = 236\nlog_levle = 3\n");
        assertThatThrownBy(() -> Config.load(Schemas.SERVER, main))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .hasSize(2)
                        .anySatisfy(p -> assertThat(p).contains("line 1").contains("unknown option 'quota_hardd'"))
                        .anySatisfy(p -> assertThat(p).contains("line 3").contains("unknown option 'log_levle'")));
    }

    @Test
    void anOlderReleasesOptionsStartWithAWarningNamingThem() throws Exception {
        // what manual 3.5.3 and 6.4.1 tell the administrator of a 7.0 or 7.1 server to have in server.cfg
        Path main = write("server.cfg", """
                index_services_enabled = yes
                index_services_path = file:///var/run/zarafa-indexer
                index_services_search_timeout = 10
                enable_sql_procedures = yes
                client_update_log_level = 1
                client_update_log_path = /var/log/zarafa/autoupdate
                server_tcp_port = 1236
                """);

        Config c = Config.load(Schemas.SERVER, main);

        assertThat(c.getInt("server_tcp_port")).isEqualTo(1236);
        assertThat(c.warnings()).hasSize(6)
                .anySatisfy(w -> assertThat(w).contains("line 2", "'index_services_path' is obsolete", "search_socket"))
                .anySatisfy(w -> assertThat(w).contains("line 4", "'enable_sql_procedures' is obsolete"))
                .anySatisfy(w -> assertThat(w).contains("line 6", "'client_update_log_path' is obsolete", "6.4.1"));
        assertThat(Config.load(Schemas.SERVER, write("clean.cfg", "server_tcp_port = 236\n")).warnings()).isEmpty();
        // manual 6.2.2.4's multi-tenancy line of ldap.cfg
        Config ldap = Config.load(Schemas.LDAP, write("ldap.cfg", "ldap_company_scope = sub\n"));
        assertThat(ldap.warnings()).singleElement().asString().contains("'ldap_company_scope' is obsolete");
        // still refused: a misspelt one
        Path typo = write("typo.cfg", "enable_sql_procedure = yes\n");
        assertThatThrownBy(() -> Config.load(Schemas.SERVER, typo)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown option 'enable_sql_procedure'");
    }

    @Test
    void wrongValueTypesAreReported() throws Exception {
        Path main = write("server.cfg", "server_tcp_port = abc\nserver_ssl_enabled = maybe\ncache_cell_size = 12Q\n");
        assertThatThrownBy(() -> Config.load(Schemas.SERVER, main))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(3));
    }

    @Test
    void includeLoopsAreRefused() throws Exception {
        write("a.cfg", "!include b.cfg\n");
        write("b.cfg", "!include a.cfg\n");
        assertThatThrownBy(() -> Config.load(Schemas.SERVER, dir.resolve("a.cfg")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("include loop");
    }

    @Test
    void lineWithoutEqualsIsAnError() throws Exception {
        Path main = write("server.cfg", "server_tcp_port 236\n");
        assertThatThrownBy(() -> Config.load(Schemas.SERVER, main)).hasMessageContaining("not an option line");
    }

    @Test
    void overridesAreCheckedToo() throws Exception {
        Config c = Config.load(Schemas.SERVER, null, Map.of("quota_soft", "150"));
        assertThat(c.getInt("quota_soft")).isEqualTo(150);
        assertThatThrownBy(() -> Config.load(Schemas.SERVER, null, Map.of("nope", "1")))
                .hasMessageContaining("unknown option 'nope'");
    }

    @Test
    void sizesAcceptUnits() {
        assertThat(Config.parseSize("5M")).isEqualTo(5L * 1024 * 1024);
        assertThat(Config.parseSize("16384K")).isEqualTo(16384L * 1024);
        assertThat(Config.parseSize("1G")).isEqualTo(1024L * 1024 * 1024);
        assertThat(Config.parseSize("1024")).isEqualTo(1024);
        assertThat(Config.parseSize("1 MB")).isEqualTo(1024L * 1024);
        assertThat(Config.parseSize("x")).isEqualTo(-1);
    }

    @Test
    void missingFileMeansDefaults() throws Exception {
        Config c = Config.load(Schemas.ADMIN, dir.resolve("absent.cfg"));
        assertThat(c.get("server_socket")).isEqualTo("http://localhost:236/zarafa");
    }

    @Test
    void numbersAndSizesTooLargeForTheirTypeAreReportedInsteadOfFailingLater() throws Exception {
        // found by ConfigFuzzTest: such values loaded, then getInt/getSize threw (or load itself)
        Path file = write("server.cfg", "server_tcp_port = 2147483648\ncache_cell_size = 99999999999999999999G\n"
                + "cache_object_size = 9999999999T\n");
        assertThatThrownBy(() -> Config.load(Schemas.SERVER, file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'server_tcp_port' has invalid value '2147483648'")
                .hasMessageContaining("'cache_cell_size' has invalid value")
                .hasMessageContaining("'cache_object_size' has invalid value");
    }

    @Test
    void anIncludeOfSomethingOtherThanARegularFileIsRefused() throws Exception {
        Path file = write("server.cfg", "!include /dev/zero\n");
        assertThatThrownBy(() -> Config.load(Schemas.SERVER, file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("included file /dev/zero is not a regular file");
    }

    @Test
    void anIncludeWithANulInItsNameIsReportedAsAProblem() throws Exception {
        // found by ConfigFuzzTest: the InvalidPathException escaped the parser
        Path file = write("server.cfg", "!include a\u0000b\n!propmap c\u0000d\n");
        assertThatThrownBy(() -> Config.load(Schemas.SERVER, file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'!include' names an invalid file")
                .hasMessageContaining("'!propmap' names an invalid file");
    }
}
