package org.zcp.plugins.movetopublic;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.zcp.plugin.MailAttributes;
import org.zcp.plugin.Platform;

/**
 * Move to public (manual 6.8.4.1), a zarafa-dagent plugin: mail for the addresses listed in
 * {@code movetopublic.cfg} (beside server.cfg) is stored in a folder of the company's public store
 * instead of the recipient's Inbox. The file has lines {@code <recipient address> = <folder path>}
 * (path below the public folders, {@code /} between levels) and {@code create = yes|no} (create a
 * missing folder; default no); {@code #} starts a comment line. The file is read again when its
 * modification time changes; while it is missing the plugin does nothing.
 */
public class MoveToPublic extends GenericMailet {
    static final String FILE = "movetopublic.cfg";
    private static final Logger LOG = Logger.getLogger(MoveToPublic.class.getName());

    /** What one version of the file says: folder paths by lower-case address, and create. */
    record Rules(FileTime modified, Map<String, String> folders, boolean create) {
        static final Rules NONE = new Rules(null, Map.of(), false);
    }

    private Path file;
    private volatile Rules rules = Rules.NONE;

    @Override
    public void init() throws MessagingException {
        Path dir = Platform.of(getMailetContext()).configDirectory();
        if (dir == null) {
            LOG.warning("move to public: the server runs without server.cfg, so there is no " + FILE
                    + "; the plugin does nothing");
            return;
        }
        file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            LOG.warning("move to public: " + file + " does not exist; the plugin does nothing until it does"
                    + " (an example is zarafa/example-config/movetopublic.cfg of the installation)");
        }
        current();
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Rules r = current();
        if (r.folders().isEmpty()) return;
        for (MailAddress recipient : mail.getRecipients()) {
            String folder = r.folders().get(recipient.asString().toLowerCase(Locale.ROOT));
            if (folder == null) continue;
            MailAttributes.set(mail, MailAttributes.PUBLIC_FOLDER, folder);
            // the public folder is the target now: whether it may be created is this file's say
            MailAttributes.set(mail, MailAttributes.CREATE, r.create());
            LOG.fine(() -> "move to public: mail " + mail.getName() + " for " + recipient + " goes to public folder "
                    + folder);
            return;
        }
    }

    /** The rules of the file as it is now: read again when its modification time changed. */
    Rules current() {
        Rules r = rules;
        if (file == null) return r;
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            modified = null; // missing: no rules
        }
        if (modified == null ? r.modified() == null : modified.equals(r.modified())) return r;
        synchronized (this) {
            r = rules;
            if (modified == null ? r.modified() == null : modified.equals(r.modified())) return r;
            r = modified == null ? Rules.NONE : load(file, modified);
            if (modified == null) LOG.warning("move to public: " + file + " was removed; the plugin does nothing");
            rules = r;
            return r;
        }
    }

    private static Rules load(Path file, FileTime modified) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Rules.NONE;
        } catch (IOException e) {
            LOG.warning("move to public: cannot read " + file + ": " + e.getMessage() + "; the plugin does nothing");
            return new Rules(modified, Map.of(), false);
        }
        Map<String, String> folders = new LinkedHashMap<>();
        boolean create = false;
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            String key = eq < 0 ? "" : line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : unquote(line.substring(eq + 1).strip());
            if (key.isEmpty() || value.isEmpty()) {
                LOG.warning("move to public: " + file + " line " + n + " is not '<address> = <folder>': " + line);
            } else if (key.equals("create")) {
                create = switch (value.toLowerCase(Locale.ROOT)) {
                    case "yes", "true", "on", "1" -> true;
                    case "no", "false", "off", "0" -> false;
                    default -> {
                        LOG.warning("move to public: " + file + " line " + n + ": create is yes or no, not " + value);
                        yield false;
                    }
                };
            } else {
                if (key.startsWith("<") && key.endsWith(">")) key = key.substring(1, key.length() - 1);
                if (folders.putIfAbsent(key, value) != null) {
                    LOG.warning("move to public: " + file + " line " + n + ": " + key + " is listed twice; the first wins");
                }
            }
        }
        LOG.info("move to public: " + folders.size() + " address(es) from " + file + (create ? ", creating folders" : ""));
        return new Rules(modified, Map.copyOf(folders), create);
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    @Override
    public String getMailetInfo() {
        return "Move to public (manual 6.8.4.1): mail for the addresses of movetopublic.cfg goes to the public store";
    }
}
