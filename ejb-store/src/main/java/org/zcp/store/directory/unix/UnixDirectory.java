package org.zcp.store.directory.unix;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.zcp.api.config.Config;
import org.zcp.api.mapi.ObjectClass;
import org.zcp.store.directory.Attr;
import org.zcp.store.directory.DirectoryUnavailableException;
import org.zcp.store.directory.ExternalDirectory;
import org.zcp.store.directory.ExternalObject;
import org.zcp.store.directory.UserPlugin.Kind;
import org.zcp.store.directory.crypt.UnixCrypt;

/**
 * Users and groups of the Unix account files (manual 4.4.2, 8.4; unix.cfg): users of /etc/passwd
 * whose uid is within min_user_uid..max_user_uid and not in except_user_uids, groups of /etc/group
 * likewise by gid; a user whose shell is non_login_shell is non-active; the full name is the first
 * field of the GECOS column (in fullname_charset); passwords are checked against /etc/shadow (or
 * the passwd column when it holds the hash). A user's address is NAME@default_domain until
 * zarafa-admin sets another: the server keeps it, as it keeps admin level, quota and send-as.
 * The files are read again when they change.
 */
public class UnixDirectory implements ExternalDirectory {
    private static final Logger LOG = Logger.getLogger(UnixDirectory.class.getName());

    private final Path passwd;
    private final Path group;
    private final Path shadow;
    private final long minUid;
    private final long maxUid;
    private final Set<Long> exceptUids;
    private final long minGid;
    private final long maxGid;
    private final Set<Long> exceptGids;
    private final String shell;
    private final String domain;
    private final Charset charset;

    private record PasswdLine(String name, String hash, long uid, long gid, String gecos, String shell) {
    }

    private record GroupLine(String name, long gid, List<String> members) {
    }

    private record Snapshot(long passwdModified, long groupModified, List<PasswdLine> users, List<GroupLine> groups) {
    }

    private volatile Snapshot snapshot;

    public UnixDirectory(Config unixCfg) {
        passwd = Path.of(unixCfg.get("passwd_file"));
        group = Path.of(unixCfg.get("group_file"));
        shadow = Path.of(unixCfg.get("shadow_file"));
        minUid = unixCfg.getInt("min_user_uid");
        maxUid = unixCfg.getInt("max_user_uid");
        exceptUids = ids(unixCfg.get("except_user_uids"));
        minGid = unixCfg.getInt("min_group_gid");
        maxGid = unixCfg.getInt("max_group_gid");
        exceptGids = ids(unixCfg.get("except_group_gids"));
        shell = unixCfg.get("non_login_shell").trim();
        domain = unixCfg.get("default_domain").trim();
        Charset cs;
        try {
            cs = Charset.forName(unixCfg.get("fullname_charset").trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("unix.cfg: fullname_charset '" + unixCfg.get("fullname_charset")
                    + "' is not a character set this Java knows");
        }
        charset = cs;
    }

    private static Set<Long> ids(String list) {
        Set<Long> out = new HashSet<>();
        for (String s : list.trim().split("[\\s,]+")) {
            if (s.isEmpty()) continue;
            try {
                out.add(Long.parseLong(s));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("unix.cfg: '" + s + "' is not a uid or gid");
            }
        }
        return out;
    }

    // ---- the files ----------------------------------------------------------------------------

    private Snapshot read() {
        try {
            long pm = Files.getLastModifiedTime(passwd).toMillis();
            long gm = Files.exists(group) ? Files.getLastModifiedTime(group).toMillis() : 0;
            Snapshot s = snapshot;
            if (s != null && s.passwdModified() == pm && s.groupModified() == gm) return s;
            List<PasswdLine> users = new ArrayList<>();
            for (String line : Files.readAllLines(passwd, charset)) {
                String[] f = line.split(":", -1);
                if (f.length < 7 || line.startsWith("#") || f[0].isEmpty()) continue;
                try {
                    long uid = Long.parseLong(f[2]);
                    long gid = Long.parseLong(f[3]);
                    if (uid < minUid || uid > maxUid || exceptUids.contains(uid)) continue;
                    users.add(new PasswdLine(f[0], f[1], uid, gid, f[4], f[6]));
                } catch (NumberFormatException e) {
                    LOG.warning("unix: " + passwd + ": a line for " + f[0] + " without a numeric uid/gid is skipped");
                }
            }
            List<GroupLine> groups = new ArrayList<>();
            if (Files.exists(group)) {
                for (String line : Files.readAllLines(group, charset)) {
                    String[] f = line.split(":", -1);
                    if (f.length < 4 || line.startsWith("#") || f[0].isEmpty()) continue;
                    try {
                        long gid = Long.parseLong(f[2]);
                        if (gid < minGid || gid > maxGid || exceptGids.contains(gid)) continue;
                        List<String> members = new ArrayList<>();
                        for (String m : f[3].split(",")) if (!m.isBlank()) members.add(m.trim());
                        groups.add(new GroupLine(f[0], gid, members));
                    } catch (NumberFormatException e) {
                        LOG.warning("unix: " + group + ": a line for " + f[0] + " without a numeric gid is skipped");
                    }
                }
            }
            s = new Snapshot(pm, gm, users, groups);
            snapshot = s;
            return s;
        } catch (IOException e) {
            throw new DirectoryUnavailableException("the account files cannot be read: " + e.getMessage(), e);
        }
    }

    private ExternalObject user(PasswdLine p) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(Attr.NAME, p.name());
        String full = p.gecos().split(",", -1)[0].trim();
        props.put(Attr.FULLNAME, full.isEmpty() ? p.name() : full);
        if (!domain.isEmpty()) props.put(Attr.EMAIL, p.name() + "@" + domain);
        ObjectClass cls = !shell.isEmpty() && shell.equals(p.shell().trim()) ? ObjectClass.NONACTIVE_USER : ObjectClass.ACTIVE_USER;
        return new ExternalObject(cls, Long.toString(p.uid()), "unix:user:" + p.name(), props, "", List.of());
    }

    private ExternalObject group(GroupLine g) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(Attr.NAME, g.name());
        props.put(Attr.FULLNAME, g.name());
        // manual 8.4.6: unix groups serve permissions and mail alike
        return new ExternalObject(ObjectClass.DISTLIST_SECURITY, Long.toString(g.gid()), "unix:group:" + g.name(), props,
                "", List.of());
    }

    // ---- ExternalDirectory ----------------------------------------------------------------------

    @Override
    public String describe() {
        return passwd + " and " + group;
    }

    @Override
    public List<ExternalObject> list(Kind kind, String base) {
        Snapshot s = read();
        return switch (kind) {
            case USER -> s.users().stream().map(this::user).toList();
            case GROUP -> s.groups().stream().map(this::group).toList();
            case COMPANY -> List.of();
        };
    }

    @Override
    public List<ExternalObject> findByName(Kind kind, String name, String base) {
        if (name == null || name.isEmpty()) return List.of();
        return list(kind, base).stream().filter(o -> o.name().equalsIgnoreCase(name)).toList();
    }

    @Override
    public Optional<ExternalObject> byExternId(Kind kind, String externId) {
        return list(kind, null).stream().filter(o -> o.externId().equals(externId)).findFirst();
    }

    @Override
    public Optional<ExternalObject> byDn(String dn) {
        for (Kind k : List.of(Kind.USER, Kind.GROUP)) {
            for (ExternalObject o : list(k, null)) if (o.dn().equals(dn)) return Optional.of(o);
        }
        return Optional.empty();
    }

    /** NAME@default_domain: the address a user has until zarafa-admin gives another. */
    @Override
    public List<ExternalObject> byAddress(String address) {
        if (address == null || domain.isEmpty()) return List.of();
        int at = address.lastIndexOf('@');
        if (at <= 0 || !address.substring(at + 1).equalsIgnoreCase(domain)) return List.of();
        String local = address.substring(0, at);
        return list(Kind.USER, null).stream().filter(o -> o.name().equals(local)).toList();
    }

    @Override
    public boolean hasAddressIn(String d) {
        return !domain.isEmpty() && domain.equalsIgnoreCase(d) && !read().users().isEmpty();
    }

    @Override
    public List<ExternalObject> search(String text, int limit) {
        if (text == null || text.isBlank()) return List.of();
        String t = text.trim().toLowerCase(Locale.ROOT);
        List<ExternalObject> out = new ArrayList<>();
        for (Kind k : List.of(Kind.USER, Kind.GROUP)) {
            for (ExternalObject o : list(k, null)) {
                String full = o.props().getOrDefault(Attr.FULLNAME, "").toLowerCase(Locale.ROOT);
                if (o.name().toLowerCase(Locale.ROOT).startsWith(t) || full.startsWith(t) || full.contains(" " + t)) {
                    out.add(o);
                    if (out.size() >= limit) return out;
                }
            }
        }
        return out;
    }

    /**
     * The password against the user's /etc/shadow hash (crypt(3): yescrypt is not supported and
     * logged), else the passwd column when it holds the hash itself. Non-active users never log on.
     */
    @Override
    public boolean authenticate(ExternalObject user, String password) {
        if (password == null || password.isEmpty() || user.objectClass() != ObjectClass.ACTIVE_USER) return false;
        PasswdLine p = read().users().stream().filter(u -> u.name().equals(user.name())).findFirst().orElse(null);
        if (p == null) return false;
        String hash = p.hash();
        if ("x".equals(hash)) {
            hash = null;
            try {
                for (String line : Files.readAllLines(shadow, StandardCharsets.UTF_8)) {
                    String[] f = line.split(":", -1);
                    if (f.length >= 2 && f[0].equals(p.name())) {
                        hash = f[1];
                        break;
                    }
                }
            } catch (IOException e) {
                throw new DirectoryUnavailableException(shadow + " cannot be read (the server needs read access to it,"
                        + " manual 4.4.2): " + e.getMessage(), e);
            }
        }
        if (hash == null || hash.isEmpty()) return false;
        if (!UnixCrypt.supported(hash)) {
            LOG.warning("unix: the password hash of " + p.name() + " is of a kind this server cannot check ("
                    + (hash.length() > 3 ? hash.substring(0, 3) : hash) + "...); set it with a SHA-512 crypt");
            return false;
        }
        return UnixCrypt.matches(password, hash);
    }

    /** A group's members: those /etc/group names, and the users whose primary group it is. */
    @Override
    public List<ExternalObject> members(ExternalObject g) {
        Snapshot s = read();
        GroupLine line = s.groups().stream().filter(x -> Long.toString(x.gid()).equals(g.externId())).findFirst().orElse(null);
        if (line == null) return List.of();
        List<ExternalObject> out = new ArrayList<>();
        for (PasswdLine p : s.users()) {
            if (p.gid() == line.gid() || line.members().contains(p.name())) out.add(user(p));
        }
        return out;
    }

    @Override
    public List<ExternalObject> groupsOf(ExternalObject member) {
        Snapshot s = read();
        PasswdLine p = s.users().stream().filter(u -> Long.toString(u.uid()).equals(member.externId())).findFirst().orElse(null);
        if (p == null) return List.of();
        List<ExternalObject> out = new ArrayList<>();
        for (GroupLine g : s.groups()) {
            if (g.gid() == p.gid() || g.members().contains(p.name())) out.add(group(g));
        }
        return out;
    }

    /** Unix has no relations (send-as lists are the server's, set with zarafa-admin: manual 8.4.5). */
    @Override
    public List<ExternalObject> related(String relation, List<String> values, Kind kind, boolean groupsToo) {
        return List.of();
    }
}
