package org.zcp.store.directory.unix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zcp.api.config.Config;
import org.zcp.api.config.Schemas;
import org.zcp.api.mapi.ObjectClass;
import org.zcp.store.directory.Attr;
import org.zcp.store.directory.DirectoryUnavailableException;
import org.zcp.store.directory.ExternalObject;
import org.zcp.store.directory.UserPlugin.Kind;

/** The unix plugin's reading of account files (manual 4.4.2, 8.4) as unix.cfg bounds them. */
class UnixDirectoryTest {
    @TempDir
    Path dir;
    UnixDirectory unix;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(dir.resolve("passwd"), """
                root:x:0:0:root:/root:/bin/bash
                daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
                alice:x:1001:1001:Alice Liddell,Room 1,,:/home/alice:/bin/bash
                bob:x:1002:100:Bob Builder:/home/bob:/bin/sh
                info:x:1003:1003:Info desk:/home/info:/bin/false
                skipped:x:1500:1500:Skipped:/home/skipped:/bin/bash
                big:x:20000:20000:Too Big:/home/big:/bin/bash
                broken:x:notanumber:1:Broken:/:/bin/sh
                """, StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("group"), """
                root:x:0:
                users:x:100:
                alice:x:1001:
                staff:x:1010:alice,bob
                sales:x:1011:bob,nobody
                info:x:1003:
                """);
        Files.writeString(dir.resolve("shadow"), """
                root:*:19000:0:99999:7:::
                alice:$6$saltsalt$6Ln9l6BtDgyKwSHwdUE47gnhcuIsgmQhFvEwo9YcWYBgzykQj0GKDn5SZB7NxuK0rgczjYbaFhtalyn4hhc8k1:19000:0:99999:7:::
                bob:$5$abcdefgh$fe6qDXYp9ZRyqVV1sbelGLqz10TkKaRHrG2SogdVdJ2:19000:0:99999:7:::
                info:!:19000:0:99999:7:::
                """);
        unix = new UnixDirectory(config(Map.of()));
    }

    Config config(Map<String, String> extra) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of("passwd_file", dir.resolve("passwd").toString(), "group_file",
                dir.resolve("group").toString(), "shadow_file", dir.resolve("shadow").toString(), "default_domain",
                "example.com", "except_user_uids", "1500", "fullname_charset", "iso-8859-1"));
        o.putAll(extra);
        return Config.load(Schemas.UNIX, null, o);
    }

    ExternalObject user(String name) {
        return unix.findByName(Kind.USER, name, null).get(0);
    }

    @Test
    void usersWithinTheUidRangeAndTheirKinds() {
        assertThat(unix.list(Kind.USER, null)).extracting(ExternalObject::name).containsExactly("alice", "bob", "info");
        ExternalObject alice = user("alice");
        assertThat(alice.externId()).isEqualTo("1001");
        assertThat(alice.objectClass()).isEqualTo(ObjectClass.ACTIVE_USER);
        assertThat(alice.props()).containsEntry(Attr.FULLNAME, "Alice Liddell").containsEntry(Attr.EMAIL, "alice@example.com");
        // manual 8.4.2: the non_login_shell makes a non-active user
        assertThat(user("info").objectClass()).isEqualTo(ObjectClass.NONACTIVE_USER);
    }

    @Test
    void groupsWithMembersByListAndByPrimaryGroup() {
        assertThat(unix.list(Kind.GROUP, null)).extracting(ExternalObject::name).containsExactly("alice", "staff", "sales", "info");
        ExternalObject staff = unix.findByName(Kind.GROUP, "staff", null).get(0);
        assertThat(unix.members(staff)).extracting(ExternalObject::name).containsExactly("alice", "bob");
        ExternalObject alicePrivate = unix.findByName(Kind.GROUP, "alice", null).get(0);
        assertThat(unix.members(alicePrivate)).extracting(ExternalObject::name).containsExactly("alice");
        assertThat(unix.groupsOf(user("bob"))).extracting(ExternalObject::name).containsExactly("staff", "sales");
    }

    @Test
    void passwordsAreCheckedAgainstTheShadowFile() {
        assertThat(unix.authenticate(user("alice"), "alice-pw")).isTrue();
        assertThat(unix.authenticate(user("alice"), "bob-pw")).isFalse();
        assertThat(unix.authenticate(user("bob"), "bob-pw")).isTrue();
        assertThat(unix.authenticate(user("bob"), "")).isFalse();
        assertThat(unix.authenticate(user("info"), "anything")).isFalse();
    }

    @Test
    void anUnreadableShadowFileIsAClearError() throws Exception {
        Files.delete(dir.resolve("shadow"));
        assertThatThrownBy(() -> unix.authenticate(user("alice"), "alice-pw"))
                .isInstanceOf(DirectoryUnavailableException.class).hasMessageContaining("shadow");
    }

    @Test
    void addressesSearchAndChangesInTheFiles() throws Exception {
        assertThat(unix.byAddress("alice@EXAMPLE.com")).extracting(ExternalObject::name).containsExactly("alice");
        assertThat(unix.byAddress("alice@other.org")).isEmpty();
        assertThat(unix.hasAddressIn("example.com")).isTrue();
        assertThat(unix.search("li", 10)).extracting(ExternalObject::name).containsExactly("alice");
        assertThat(unix.search("build", 10)).extracting(ExternalObject::name).containsExactly("bob");
        Files.writeString(dir.resolve("passwd"), Files.readString(dir.resolve("passwd"), StandardCharsets.ISO_8859_1)
                + "carol:x:1004:100:Carol:/home/carol:/bin/bash\n", StandardCharsets.ISO_8859_1);
        Files.setLastModifiedTime(dir.resolve("passwd"), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertThat(unix.list(Kind.USER, null)).extracting(ExternalObject::name).contains("carol");
    }

    @Test
    void rangesAndExceptionsComeFromUnixCfg() throws Exception {
        UnixDirectory narrow = new UnixDirectory(config(Map.of("min_user_uid", "1002", "except_user_uids", "1003 1500",
                "max_group_gid", "1010")));
        assertThat(narrow.list(Kind.USER, null)).extracting(ExternalObject::name).containsExactly("bob");
        assertThat(narrow.list(Kind.GROUP, null)).extracting(ExternalObject::name).containsExactly("alice", "staff", "info");
        assertThatThrownBy(() -> new UnixDirectory(config(Map.of("except_user_uids", "12,abc"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("abc");
    }
}
