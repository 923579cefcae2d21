package org.zcp.tools.backup;

import java.io.IOException;
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
     * The client options file the MySQL tools read ({@code --defaults-extra-file}, 0600): the
     * password never appears on a command line.
     */
    Path clientOptions(Path dir) throws IOException {
        Path f = Files.createTempFile(dir, "client-", ".cnf",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
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
        Files.writeString(f, b.toString(), StandardCharsets.UTF_8);
        return f;
    }

    /** Runs {@code command}; its standard error is kept for the message of a failure. */
    static void run(List<String> command, ProcessBuilder.Redirect in, ProcessBuilder.Redirect out) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(in).redirectOutput(out);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IOException(command.get(0) + " interrupted");
        }
        if (code != 0) throw new IOException(command.get(0) + " failed (exit " + code + ")" + (err.isEmpty() ? "" : ": " + err));
    }

    /** The command with the options file first, as the MySQL tools require. */
    static List<String> mysqlCommand(String tool, Path options, String... rest) {
        List<String> c = new ArrayList<>(List.of(tool, "--defaults-extra-file=" + options));
        c.addAll(List.of(rest));
        return c;
    }
}
