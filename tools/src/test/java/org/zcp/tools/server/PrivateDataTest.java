package org.zcp.tools.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review finding #6: data, key stores and passwords are the server user's alone. */
class PrivateDataTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int launch(String extra) throws Exception {
        Files.writeString(dir.resolve("server.cfg"), ("""
                pid_file = @DIR@/run/zarafa-server.pid
                attachment_path = @DIR@/lib/attachments
                log_file = @DIR@/log/server.log
                server_ssl_enabled = yes
                server_ssl_key_file = @DIR@/none.pem
                """ + extra).replace("@DIR@", dir.toString()));
        if (!Files.exists(dir.resolve("gateway.cfg"))) {
            Files.writeString(dir.resolve("gateway.cfg"), "log_file = " + dir.resolve("log/gateway.log") + "\n"
                    + "ssl_private_key_file = " + dir.resolve("none.key") + "\n");
        }
        TestFaces.logsUnder(dir);
        if (!Files.exists(dir.resolve("ical.cfg"))) {
            Files.writeString(dir.resolve("ical.cfg"), "log_file = " + dir.resolve("log/ical.log") + "\n");
        }
        // the web client's TLS listener needs a key and certificate of its own: off here
        if (!Files.exists(dir.resolve("webaccess.cfg"))) {
            Files.writeString(dir.resolve("webaccess.cfg"), "server_bind = 127.0.0.1\nhttps_enable = no\nlog_file = "
                    + dir.resolve("log/webaccess.log") + "\n");
        }
        return new ServerLauncher(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"-c", dir.resolve("server.cfg").toString()});
    }

    private String mode(String path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(path)));
    }

    private Properties props() throws Exception {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("run/zarafa-server.properties"))) {
            p.load(in);
        }
        return p;
    }

    @Test
    void dataDirectoriesKeyStoresAndPropertiesAreOnlyTheServersWhateverTheUmask() throws Exception {
        assertThat(launch("")).as(err.toString()).isZero();

        assertThat(mode("lib")).isEqualTo("rwx------");
        assertThat(mode("lib/attachments")).isEqualTo("rwx------");
        assertThat(mode("lib/ssl")).isEqualTo("rwx------");
        assertThat(mode("lib/ssl/selfsigned.p12")).isEqualTo("rw-------");
        assertThat(mode("lib/ssl/selfsigned.pass")).isEqualTo("rw-------");
        assertThat(mode("log")).isEqualTo("rwx------");
        // the admin token (ejb-store) is for the server's group, so its directory lets the group in
        assertThat(mode("run")).isEqualTo("rwxr-x---");
        assertThat(mode("run/zarafa-server.properties")).isEqualTo("rw-------");
        assertThat(mode("run/zarafa-server-ssl.p12")).isEqualTo("rw-------");
        assertThat(mode("run/zarafa-gateway-ssl.p12")).isEqualTo("rw-------");
    }

    @Test
    void missingParentsOfTheServersDirectoriesLetTheServiceUserThrough() throws Exception {
        PrivateFiles.directory(dir.resolve("new/parents/run"));

        assertThat(mode("new")).isEqualTo("rwxr-xr-x");
        assertThat(mode("new/parents")).isEqualTo("rwxr-xr-x");
        assertThat(mode("new/parents/run")).isEqualTo("rwx------");
    }

    @Test
    void dataLeftWorldReadableByAnOlderVersionIsMadePrivate() throws Exception {
        Files.createDirectories(dir.resolve("lib/attachments"));
        Files.writeString(dir.resolve("lib/zarafa.mv.db"), "H2");
        Files.setPosixFilePermissions(dir.resolve("lib"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir.resolve("lib/attachments"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir.resolve("lib/zarafa.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(launch("")).as(err.toString()).isZero();

        assertThat(mode("lib")).isEqualTo("rwx------");
        assertThat(mode("lib/attachments")).isEqualTo("rwx------");
        assertThat(mode("lib/zarafa.mv.db")).isEqualTo("rw-------");
    }

    @Test
    void aSymlinkInTheDataDirectoryIsNotFollowedWhenModesAreTightened() throws Exception {
        Path outside = Files.writeString(dir.resolve("outside.txt"), "not the server's");
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createDirectories(dir.resolve("lib"));
        Files.createSymbolicLink(dir.resolve("lib/zarafa.mv.db"), outside);

        assertThat(launch("")).as(err.toString()).isZero();

        assertThat(mode("outside.txt")).isEqualTo("rw-r--r--");
    }

    @Test
    void theSelfSignedKeyStoreHasARandomPasswordKeptBesideIt() throws Exception {
        assertThat(launch("")).as(err.toString()).isZero();

        String password = Files.readString(dir.resolve("lib/ssl/selfsigned.pass")).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(24).isNotEqualTo(KeyStores.LEGACY_SELF_SIGNED_PASSWORD);
        assertThat(load(dir.resolve("lib/ssl/selfsigned.p12"), password).isKeyEntry("server")).isTrue();
        assertThatThrownBy(() -> load(dir.resolve("lib/ssl/selfsigned.p12"), KeyStores.LEGACY_SELF_SIGNED_PASSWORD))
                .isInstanceOf(java.io.IOException.class);
        Properties p = props();
        assertThat(load(Path.of(p.getProperty("zcp.ssl.keystore")), p.getProperty("zcp.ssl.keystore.password"))
                .isKeyEntry("server")).isTrue();
        assertThat(p.getProperty("zcp.ssl.keystore.password")).isNotEqualTo(password);
    }

    @Test
    void aSelfSignedKeyStoreUnderTheOldFixedPasswordGetsARandomOne() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        KeyStores.Stored made = KeyStores.selfSigned("old.example.com", elsewhere);
        Files.createDirectories(dir.resolve("lib/ssl"));
        KeyStores.copy(made.file(), made.password(), dir.resolve("lib/ssl/selfsigned.p12"),
                KeyStores.LEGACY_SELF_SIGNED_PASSWORD);

        assertThat(launch("")).as(err.toString()).isZero();

        String password = Files.readString(dir.resolve("lib/ssl/selfsigned.pass")).strip();
        KeyStore migrated = load(dir.resolve("lib/ssl/selfsigned.p12"), password);
        assertThat(((java.security.cert.X509Certificate) migrated.getCertificate("server")).getSubjectX500Principal()
                .getName()).isEqualTo("CN=old.example.com");
        assertThat(err.toString()).doesNotContain("generating a self-signed certificate");
    }

    @Test
    void anEncryptedPemKeyIsConvertedWithThePasswordFromTheEnvironment() throws Exception {
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        KeyStores.exec(java.util.List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-keyout", key.toString(),
                "-out", cert.toString(), "-days", "2", "-subj", "/CN=pem.example.com", "-passout", "env:PW"),
                Map.of("PW", "k3y-pass"), "make a test certificate");
        Path target = dir.resolve("out.p12");

        KeyStores.fromPem(cert, key, "k3y-pass", "server", target, "store-pass");

        assertThat(load(target, "store-pass").isKeyEntry("server")).isTrue();
        assertThat(mode("out.p12")).isEqualTo("rw-------");
        assertThatThrownBy(() -> KeyStores.fromPem(cert, key, "wrong", "server", dir.resolve("bad.p12"), "x"))
                .hasMessageContaining("check the key's password");
    }

    private static KeyStore load(Path file, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password.toCharArray());
        }
        return ks;
    }
}
