package org.zcp.tools.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The PKCS#12 key stores the TLS listeners read, made at every start (review finding #6): no
 * password ever appears on a command line (openssl and keytool get theirs from the environment,
 * which only the same user can read in /proc), every file is written 0600 by {@link PrivateFiles},
 * and the self-signed certificate has a random password kept in a 0600 file beside it.
 */
final class KeyStores {
    static final String SELF_SIGNED = "selfsigned.p12";
    static final String SELF_SIGNED_PASSWORD = "selfsigned.pass";
    /** The password every self-signed key store had before the password file existed. */
    static final String LEGACY_SELF_SIGNED_PASSWORD = "zarafa-selfsigned";
    private static final String PASS_IN = "ZCP_PASS_IN";
    private static final String PASS_OUT = "ZCP_PASS_OUT";

    private KeyStores() {
    }

    /** A fresh random password for a key store. */
    static String randomPassword() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * Converts PEM certificate and private key (possibly the same file) into {@code target} under
     * {@code storePass}; {@code keyPass} decrypts an encrypted key (null: the key is not encrypted).
     */
    static void fromPem(Path cert, Path key, String keyPass, String alias, Path target, String storePass)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of("openssl", "pkcs12", "-export", "-in", cert.toString(), "-inkey",
                key.toString(), "-passout", "env:" + PASS_OUT, "-name", alias));
        Map<String, String> env = new java.util.HashMap<>(Map.of(PASS_OUT, storePass));
        if (keyPass != null) {
            cmd.add("-passin");
            cmd.add("env:" + PASS_IN);
            env.put(PASS_IN, keyPass);
        }
        byte[] p12 = exec(cmd, env, "convert " + cert + (cert.equals(key) ? "" : " and " + key)
                + (keyPass != null ? " (check the key's password)" : ""));
        PrivateFiles.write(target, p12);
    }

    /**
     * The self-signed key store in {@code sslDir}, made at the first start for {@code host},
     * localhost and 127.0.0.1, with its password; a key store of an older version, under the
     * fixed legacy password, gets a random one now.
     */
    static Stored selfSigned(String host, Path sslDir) throws IOException {
        PrivateFiles.directory(sslDir);
        PrivateFiles.restrict(sslDir);
        Path store = sslDir.resolve(SELF_SIGNED);
        Path passFile = sslDir.resolve(SELF_SIGNED_PASSWORD);
        if (Files.exists(store) && Files.exists(passFile)) {
            PrivateFiles.restrict(store);
            PrivateFiles.restrict(passFile);
            return new Stored(store, Files.readString(passFile, StandardCharsets.UTF_8).strip());
        }
        String password = randomPassword();
        if (Files.exists(store)) {
            copy(store, LEGACY_SELF_SIGNED_PASSWORD, store, password);
        } else {
            Path work = Files.createTempDirectory(sslDir, ".new", java.nio.file.attribute.PosixFilePermissions
                    .asFileAttribute(PrivateFiles.DIR));
            try {
                Path made = work.resolve(SELF_SIGNED);
                String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
                exec(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                        "-validity", "3650", "-dname", "CN=" + host, "-ext",
                        "SAN=dns:" + host + ",dns:localhost,ip:127.0.0.1", "-keystore", made.toString(),
                        "-storetype", "PKCS12", "-storepass:env", PASS_OUT), Map.of(PASS_OUT, password),
                        "generate a self-signed certificate");
                PrivateFiles.write(store, Files.readAllBytes(made));
            } finally {
                try (Stream<Path> s = Files.list(work)) {
                    for (Path p : s.toList()) Files.delete(p);
                }
                Files.delete(work);
            }
        }
        PrivateFiles.write(passFile, (password + "\n").getBytes(StandardCharsets.UTF_8));
        return new Stored(store, password);
    }

    /** Copies a PKCS#12 key store to {@code target} under another password, in this process. */
    static void copy(Path source, String sourcePass, Path target, String targetPass) throws IOException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(source)) {
                ks.load(in, sourcePass.toCharArray());
            }
            KeyStore out = KeyStore.getInstance("PKCS12");
            out.load(null, null);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    out.setKeyEntry(alias, ks.getKey(alias, sourcePass.toCharArray()), targetPass.toCharArray(),
                            ks.getCertificateChain(alias));
                } else {
                    out.setCertificateEntry(alias, ks.getCertificate(alias));
                }
            }
            store(out, target, targetPass);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot copy the key store " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * A trust store of the CA certificates in the PEM (or DER) {@code files} and in every file of
     * the {@code dirs} (OpenSSL's CA path: one certificate per file, any names); null when none
     * of them exists. A file that exists but holds no certificate is an error.
     */
    static Path trustStore(List<Path> files, List<Path> dirs, Path target, String password) throws IOException {
        List<Path> sources = new ArrayList<>();
        for (Path f : files) if (Files.isRegularFile(f)) sources.add(f);
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> s = Files.list(d)) {
                s.filter(Files::isRegularFile).sorted().forEach(sources::add);
            }
        }
        if (sources.isEmpty()) return null;
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            int n = 0;
            for (Path f : sources) {
                java.util.Collection<? extends Certificate> certs;
                try (InputStream in = Files.newInputStream(f)) {
                    certs = cf.generateCertificates(in);
                } catch (java.security.cert.CertificateException e) {
                    throw new IOException(f + " holds no readable certificate: " + e.getMessage(), e);
                }
                if (certs.isEmpty()) throw new IOException(f + " holds no certificate");
                for (Certificate c : certs) ks.setCertificateEntry("ca" + n++, c);
            }
            store(ks, target, password);
            return target;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot build the trust store " + target + ": " + e.getMessage(), e);
        }
    }

    private static void store(KeyStore ks, Path target, String password) throws IOException,
            GeneralSecurityException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ks.store(bytes, password.toCharArray());
        PrivateFiles.write(target, bytes.toByteArray());
    }

    /** Runs {@code cmd} with extra environment variables; returns its standard output. */
    static byte[] exec(List<String> cmd, Map<String, String> env, String what) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        byte[] output = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("cannot " + what + ": "
                        + new String(errors.join(), StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while trying to " + what);
        }
        return output;
    }

    /** A key store file and its password. */
    record Stored(Path file, String password) {
    }
}
