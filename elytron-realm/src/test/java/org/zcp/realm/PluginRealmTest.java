package org.zcp.realm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wildfly.security.auth.permission.LoginPermission;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.permission.PermissionVerifier;

/**
 * The realm and mapper in a security domain built as configure.cli builds "zarafa": Elytron's
 * own authentication sequence (exists, verify, authorize) over the accounts the application
 * installs.
 */
class PluginRealmTest {
    private final List<String> asked = new ArrayList<>();

    private final Accounts accounts = new Accounts() {
        @Override
        public boolean exists(String name) {
            asked.add("exists " + name);
            if (name.equals("down")) throw new AccountsUnavailableException("ldap://127.0.0.1:1 does not answer");
            return name.equals("alice") || name.equals("down");
        }

        @Override
        public boolean verify(String name, String password) {
            asked.add("verify " + name);
            if (name.equals("down")) throw new AccountsUnavailableException("ldap://127.0.0.1:1 does not answer");
            return name.equals("alice") && password.equals("s3cret ü");
        }
    };

    private SecurityDomain domain(String realmFromConfiguration, boolean mayLogIn) {
        ConfiguredRealmMapper mapper = new ConfiguredRealmMapper();
        mapper.initialize(Map.of("realm", realmFromConfiguration));
        SecurityDomain.Builder b = SecurityDomain.builder();
        b.addRealm("zarafa-plugin", new PluginRealm()).build();
        b.addRealm("other", new PluginRealm() {
            @Override
            public org.wildfly.security.auth.server.RealmIdentity getRealmIdentity(java.security.Principal p) {
                return org.wildfly.security.auth.server.RealmIdentity.NON_EXISTENT;
            }
        }).build();
        b.setDefaultRealmName("zarafa-plugin");
        b.setRealmMapper(mapper);
        b.setPermissionMapper((principal, roles) -> mayLogIn ? PermissionVerifier.from(new LoginPermission())
                : PermissionVerifier.NONE);
        return b.build();
    }

    @AfterEach
    void remove() {
        AccountsRegistry.uninstall(accounts);
    }

    @Test
    void aRightPasswordLogsOnAndAWrongOneDoesNot() throws Exception {
        AccountsRegistry.install(accounts);
        SecurityDomain d = domain("zarafa-plugin", true);
        assertThat(PasswordLogon.verify(d, "alice", "s3cret ü")).isTrue();
        assertThat(PasswordLogon.verify(d, "alice", "s3cret")).isFalse();
        assertThat(PasswordLogon.verify(d, "alice", "")).isFalse();
    }

    @Test
    void anUnknownNameDoesNotLogOnWithAnyPassword() throws Exception {
        AccountsRegistry.install(accounts);
        assertThat(PasswordLogon.verify(domain("zarafa-plugin", true), "bob", "s3cret ü")).isFalse();
        assertThat(asked).containsExactly("verify bob");
    }

    @Test
    void theMapperChoosesTheRealmTheConfigurationNames() throws Exception {
        AccountsRegistry.install(accounts);
        assertThat(PasswordLogon.verify(domain("other", true), "alice", "s3cret ü")).isFalse();
        assertThat(asked).isEmpty();
    }

    @Test
    void withoutTheLoginPermissionNobodyLogsOn() throws Exception {
        AccountsRegistry.install(accounts);
        assertThat(PasswordLogon.verify(domain("zarafa-plugin", false), "alice", "s3cret ü")).isFalse();
    }

    @Test
    void anUnreachableDirectoryIsUnavailableNotAWrongPassword() {
        AccountsRegistry.install(accounts);
        assertThatThrownBy(() -> PasswordLogon.verify(domain("zarafa-plugin", true), "down", "x"))
                .isInstanceOf(RealmUnavailableException.class).hasMessageContaining("does not answer");
    }

    @Test
    void withoutTheApplicationTheRealmIsUnavailable() {
        assertThatThrownBy(() -> PasswordLogon.verify(domain("zarafa-plugin", true), "alice", "s3cret ü"))
                .isInstanceOf(RealmUnavailableException.class).hasMessageContaining("not running");
    }

    @Test
    void theMapperNeedsARealm() {
        assertThatThrownBy(() -> new ConfiguredRealmMapper().initialize(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("realm=");
    }
}
