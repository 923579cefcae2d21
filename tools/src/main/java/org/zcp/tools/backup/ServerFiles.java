package org.zcp.tools.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.zcp.api.config.Config;
import org.zcp.api.config.ConfigException;
import org.zcp.api.config.Schemas;
import org.zcp.tools.server.ServerLauncher;

/**
 * What a full backup (manual 10.2) is made of, as server.cfg says: the database (MariaDB/MySQL,
 * or the embedded H2 file beside the attachments) and the attachment directory; and whether the
 * server of that file is running.
 */
final class ServerFiles {
    final Config config;

    private ServerFiles(Config config) {
        this.config = config;
    }

    /** server.cfg: {@code -c FILE}, else $ZARAFA_CONFIG_DIR/server.cfg, else /etc/zarafa/server.cfg. */
    static ServerFiles load(String file) throws ConfigException {
        Path path = file != null ? Path.of(file)
                : Path.of(System.getenv().getOrDefault("ZARAFA_CONFIG_DIR", "/etc/zarafa"), "server.cfg");
        if (!Files.isReadable(path)) throw new ConfigException(List.of(path + " cannot be read"));
        return new ServerFiles(Config.load(Schemas.SERVER, path));
    }

    boolean mysql() {
        return "mysql".equals(ServerLauncher.engine(config));
    }

    String database() {
        String db = config.get("mysql_database");
        if (!db.matches("[A-Za-z0-9_$]+")) {
            throw new IllegalStateException("mysql_database '" + db + "' is not a plain database name");
        }
        return db;
    }

    /** The embedded database's file (H2), beside the attachment directory. */
    Path h2File() {
        return ServerLauncher.dataDirectory(config).resolve(config.get("mysql_database") + ".mv.db");
    }

    /** The attachment directory, or null when attachments are kept in the database. */
    Path attachments() {
        return "files".equalsIgnoreCase(config.get("attachment_storage"))
                ? Path.of(config.get("attachment_path")).toAbsolutePath().normalize() : null;
    }

    /** The pid of the running server of this file, if one runs. */
    OptionalLong running() {
        return ServerLauncher.running(config);
    }

    /**
     * Runs a MySQL tool (mysqldump, mysql) as the server's own database user: the password is in
     * a client options file ({@code --defaults-extra-file}, 0600 in a private temporary directory,
     * removed afterwards), never on a command line. Standard input and output as in {@link #run}.
     */
    void mysql(String tool, InputStream input, OutputStream output, String... args) throws IOException {
        Path dir = Files.createTempDirectory("zarafa-mysql");
        try {
            Path options = dir.resolve("client.cnf");
            Files.createFile(options, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(options, clientOptions(), StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of(tool, "--defaults-extra-file=" + options));
            command.addAll(List.of(args));
            run(command, input, output);
        } finally {
            FullBackup.delete(dir);
        }
    }

    private String clientOptions() {
        StringBuilder b = new StringBuilder("[client]\n");
        if (config.isSet("mysql_socket") && !config.get("mysql_socket").isBlank()) {
            b.append("socket=").append(config.get("mysql_socket")).append('\n');
        } else {
            b.append("host=").append(config.get("mysql_host")).append('\n');
            b.append("port=").append(config.getInt("mysql_port")).append('\n');
        }
        b.append("user=").append(config.get("mysql_user")).append('\n');
        b.append("password=\"").append(config.get("mysql_password").replace("\\", "\\\\").replace("\"", "\\\""))
                .append("\"\n");
        return b.toString();
    }

    /**
     * Runs {@code command}: {@code input} (when not null) is copied to its standard input, its
     * standard output to {@code output} (when null: discarded). A failure is an IOException with
     * the program's error output.
     */
    static void run(List<String> command, InputStream input, OutputStream output) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (output == null) pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try {
            try (OutputStream stdin = p.getOutputStream()) {
                if (input != null) input.transferTo(stdin);
            }
            if (output != null) {
                try (InputStream stdout = p.getInputStream()) {
                    stdout.transferTo(output);
                }
            }
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int code = p.waitFor();
            if (code != 0) {
                throw new IOException(command.get(0) + " failed (exit " + code + ")" + (err.isEmpty() ? "" : ": " + err));
            }
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IOException(command.get(0) + " interrupted");
        }
    }
}
