package org.zcp.itests.matrix;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.mapi.Rights;
import org.zcp.api.soap.AclEntry;
import org.zcp.api.soap.GroupDetails;
import org.zcp.api.soap.MapiException;
import org.zcp.api.soap.Message;
import org.zcp.api.soap.PropValue;
import org.zcp.api.soap.PropValues;
import org.zcp.api.soap.Rule;
import org.zcp.api.soap.RuleAction;
import org.zcp.api.soap.RuleCondition;
import org.zcp.api.soap.StoreInfo;
import org.zcp.api.soap.UserDetails;
import org.zcp.api.soap.ZarafaCmd;
import org.zcp.itests.Fixture;
import org.zcp.itests.ItServer;

/**
 * The fixture of the authorization matrix: a victim with a store worth attacking (Inbox with a
 * message with To and Bcc recipients and an attachment, Inbox/Projects with a private
 * Projects/Secret, Inbox rules with a forward, out-of-office set), a public folder Matrix owned by
 * the victim, and one user per {@link Role}, each granted its one right on Inbox, Projects and Matrix.
 * Hosted: the victim's company and another company; not hosted: one user space.
 */
public final class MatrixWorld {
    public final boolean hosted;
    public final ZarafaCmd c;
    /** SYSTEM (trusted local logon): builds fixtures, never a cell's caller. */
    public final String admin;
    public final String suffix = UUID.randomUUID().toString().substring(0, 6);
    public String victimCompany;
    public String otherCompany;
    private final Map<Role, String> logins = new EnumMap<>(Role.class);
    private final Map<Role, String> sessions = new EnumMap<>(Role.class);
    private final Map<Role, MapiException> refused = new EnumMap<>(Role.class);
    private final Map<Role, StoreInfo> stores = new EnumMap<>(Role.class);
    private final AtomicInteger counter = new AtomicInteger();

    /** Bystanders: a plain user, a hidden user, a second system admin, an archive user, a group. */
    public String bystander;
    public String hiddenUser;
    public String root2;
    public String archiveUser;
    public String group;
    public String targetUser;

    public StoreInfo victimStore;
    public String inbox;
    public String projects;
    public String secret;
    public String message;
    public String bccRecipient;
    public String attachment;
    public List<Rule> rules;

    public StoreInfo publicStore;
    public String matrixName;
    public String matrix;
    public String matrixSecret;
    /** ownername of audit lines about the public store (manual 7.3.1.5 note). */
    public String publicOwnerName;

    MatrixWorld(boolean hosted) throws Exception {
        this.hosted = hosted;
        this.c = ItServer.client();
        this.admin = ItServer.admin();
    }

    public static MatrixWorld create(boolean hosted) throws Exception {
        MatrixWorld w = new MatrixWorld(hosted);
        w.users();
        w.victimStore();
        w.publicFolder();
        return w;
    }

    // ---- users -------------------------------------------------------------------------------

    private void users() throws Exception {
        if (hosted) {
            victimCompany = ItServer.company(admin);
            otherCompany = ItServer.company(admin);
        }
        for (Role r : Role.values()) {
            if (!hosted && (r == Role.COMPANY_ADMIN || r == Role.OTHER_ADMIN)) continue;
            String company = r == Role.OTHER_ADMIN ? otherCompany : victimCompany;
            Integer level = switch (r) {
                case COMPANY_ADMIN, OTHER_ADMIN -> 1;
                case SYSTEM_ADMIN -> 2;
                default -> null;
            };
            logins.put(r, newUser(r.column, company, level, r == Role.INACTIVE ? Boolean.FALSE : null, null));
        }
        bystander = newUser("bystander", victimCompany, null, null, null);
        hiddenUser = newUser("hidden", victimCompany, null, null, Boolean.TRUE);
        root2 = newUser("roottwo", victimCompany, 2, null, null);
        archiveUser = newUser("archive", victimCompany, null, null, null);
        targetUser = newUser("target", victimCompany, null, null, null);
        for (String login : logins.values()) {
            c.setUserFeature(admin, login, "imap", true);
            c.setUserFeature(admin, login, "pop3", true);
        }
        group = newGroup();
        for (Role r : logins.keySet()) {
            try {
                sessions.put(r, c.logon(logins.get(r), password(r), null, "matrix").sessionId);
            } catch (MapiException e) {
                refused.put(r, e);
            }
        }
        if (!refused.keySet().equals(java.util.Set.of(Role.INACTIVE))) {
            throw new IllegalStateException("fixture logons refused: " + refused.keySet());
        }
    }

    /** A user of the company (null when not hosted) with the given admin level, activity and visibility. */
    public String newUser(String base, String company, Integer adminLevel, Boolean active, Boolean hidden)
            throws MapiException {
        String name = base + suffix + counter.incrementAndGet();
        UserDetails u = new UserDetails();
        u.userName = company == null ? name : name + "@" + company;
        u.password = "pw-" + name;
        u.fullName = "Matrix " + name;
        u.email = name + "@" + (company == null ? "matrix" : company) + ".example.com";
        u.adminLevel = adminLevel;
        u.active = active;
        u.hidden = hidden;
        c.createUser(admin, u);
        return u.userName;
    }

    public String newGroup() throws MapiException {
        GroupDetails g = new GroupDetails();
        String name = "grp" + suffix + counter.incrementAndGet();
        g.groupName = victimCompany == null ? name : name + "@" + victimCompany;
        g.fullName = "Matrix group";
        g.company = victimCompany;
        c.createGroup(admin, g);
        return g.groupName;
    }

    public String unique(String base) {
        return base + suffix + counter.incrementAndGet();
    }

    public String login(Role r) {
        String l = logins.get(r);
        if (l == null) throw new IllegalStateException(r + " does not exist in this mode");
        return l;
    }

    public String victim() {
        return login(Role.OWNER);
    }

    public static String passwordOf(String login) {
        int at = login.indexOf('@');
        return "pw-" + (at < 0 ? login : login.substring(0, at));
    }

    public String password(Role r) {
        return passwordOf(login(r));
    }

    public String session(Role r) {
        MapiException e = refused.get(r);
        if (e != null) throw new Cell.LogonRefused(e);
        return sessions.get(r);
    }

    public String vs() {
        return session(Role.OWNER);
    }

    public StoreInfo ownStore(Role r) throws MapiException {
        StoreInfo s = stores.get(r);
        if (s == null) {
            s = c.getStore(session(r), null);
            stores.put(r, s);
        }
        return s;
    }

    /** 'John' for 'john' (manual 8.3.1: login names are case-sensitive). */
    public static String otherCase(String login) {
        return Character.toUpperCase(login.charAt(0)) + login.substring(1);
    }

    public String email(String login) throws MapiException {
        return c.getUser(admin, login).email;
    }

    // ---- the victim's store ------------------------------------------------------------------

    private void victimStore() throws Exception {
        String vs = vs();
        victimStore = c.getStore(vs, null);
        inbox = victimStore.inboxId;
        projects = c.createFolder(vs, inbox, "Projects", "IPF.Note", false);
        secret = c.createFolder(vs, projects, "Secret", "IPF.Note", false);
        c.createMessage(vs, secret, Fixture.message("salary review", 1L), false);
        c.createMessage(vs, projects, Fixture.message("project plan", 1L), false);

        Message m = Fixture.message("board minutes", 1L);
        m.recipients = new ArrayList<>(List.of(Fixture.recipient("Carol", "carol@example.org", 1),
                Fixture.recipient("Dave (Bcc)", "dave@example.org", 3)));
        m.attachments = new ArrayList<>(List.of(Fixture.attachment("layoffs.xlsx", new byte[] {1, 2, 3})));
        message = c.createMessage(vs, inbox, m, false);
        findSubObjects(vs);

        rules = List.of(new Rule("private forward", 1, subject("never-" + suffix),
                RuleAction.forward("victim.private@example.net")));
        c.setRules(vs, inbox, rules);
        c.setProps(vs, victimStore.storeId, List.of(PropValue.ofBool(PropTag.PR_EC_OUTOFOFFICE, true),
                PropValue.ofString(PropTag.PR_EC_OUTOFOFFICE_SUBJECT, "Away"),
                PropValue.ofString(PropTag.PR_EC_OUTOFOFFICE_MSG, "Back next year.")));

        for (String folder : List.of(inbox, projects)) setAcl(vs, folder, grants(false));
        setAcl(vs, secret, List.of());
        c.addSendAsUser(admin, victim(), login(Role.DELEGATE));
    }

    static RuleCondition subject(String s) {
        RuleCondition rc = new RuleCondition();
        rc.subjectContains.add(s);
        return rc;
    }

    /** The ACL every shared folder gets: each right-role its one right (the victim ALL on public ones). */
    List<AclEntry> grants(boolean withVictim) {
        List<AclEntry> acl = new ArrayList<>();
        for (Role r : Role.values()) {
            if (r.grant != 0) acl.add(new AclEntry(login(r), "user", r.grant));
        }
        if (withVictim) acl.add(new AclEntry(victim(), "user", Rights.ALL));
        return acl;
    }

    /**
     * Recipients and attachments have object ids but no entry ids of their own in the API; the
     * review's sweep (R4) addresses them as store GUID + object id. They are created right after
     * their message, so the owner looks at the next few ids.
     */
    private void findSubObjects(String vs) throws MapiException {
        String prefix = message.substring(0, message.length() - 16);
        long id = Long.parseUnsignedLong(message.substring(message.length() - 16), 16);
        for (long oid = id + 1; oid <= id + 40 && (bccRecipient == null || attachment == null); oid++) {
            String eid = prefix + String.format("%016X", oid);
            List<PropValue> p;
            try {
                p = c.getProps(vs, eid, List.of(PropTag.PR_RECIPIENT_TYPE, PropTag.PR_ATTACH_LONG_FILENAME));
            } catch (MapiException e) {
                continue;
            }
            Long type = PropValues.number(p, PropTag.PR_RECIPIENT_TYPE);
            if (type != null && type == 3) bccRecipient = eid;
            if ("layoffs.xlsx".equals(PropValues.string(p, PropTag.PR_ATTACH_LONG_FILENAME))) attachment = eid;
        }
        if (bccRecipient == null || attachment == null) {
            throw new IllegalStateException("recipient/attachment objects of " + message + " not found");
        }
    }

    // ---- the public folder -------------------------------------------------------------------

    private void publicFolder() throws Exception {
        if (!hosted) {
            // not hosted, the public store is made by zarafa-admin -s (hosted: with each company)
            try {
                c.getPublicStore(admin, null);
            } catch (MapiException e) {
                if (!"MAPI_E_NOT_FOUND".equals(e.getFaultInfo().error)) throw e;
                c.createPublicStore(admin, null);
            }
        }
        publicStore = c.getPublicStore(admin, victimCompany);
        publicOwnerName = hosted ? victimCompany : "SYSTEM";
        matrixName = "Matrix" + suffix;
        matrix = c.createFolder(admin, publicStore.ipmSubtreeId, matrixName, "IPF.Note", false);
        matrixSecret = c.createFolder(admin, matrix, "Secret", "IPF.Note", false);
        c.createMessage(admin, matrix, Fixture.message("public notice", 1L), false);
        setAcl(admin, matrix, grants(true));
        setAcl(admin, matrixSecret, List.of());
    }

    /**
     * Makes a folder's ACL exactly {@code acl}: a new folder starts with its parent's entries
     * (FolderService.inheritPermissions; in a public store Everyone's), which would give a role more
     * than its one right.
     */
    public void setAcl(String sid, String folder, List<AclEntry> acl) throws MapiException {
        List<AclEntry> change = new ArrayList<>();
        for (AclEntry e : c.getRights(sid, folder)) {
            if (acl.stream().noneMatch(d -> d.memberName.equals(e.memberName))) {
                change.add(new AclEntry(e.memberName, e.memberType, 0));
            }
        }
        change.addAll(acl);
        if (!change.isEmpty()) c.setRights(sid, folder, change);
    }

    /** The ACL of a folder where only {@code role} holds its one right (plus {@code extra}). */
    public List<AclEntry> only(Role role, int extra) {
        int rights = role.grant | extra;
        if (rights == 0 || !logins.containsKey(role)) return List.of();
        return List.of(new AclEntry(login(role), "user", rights));
    }

    // ---- per-cell material -------------------------------------------------------------------

    /** A fresh folder of the victim under {@code parent}, the role granted its right on it. */
    public record Fresh(String folder, String sub, String message) {
    }

    public Fresh fresh(Role role, String parent, boolean privateSub, boolean withMessage) throws MapiException {
        String vs = vs();
        String f = c.createFolder(vs, parent, unique("t"), "IPF.Note", false);
        setAcl(vs, f, only(role, 0));
        String sub = null;
        if (privateSub) {
            sub = c.createFolder(vs, f, "private", "IPF.Note", false);
            setAcl(vs, sub, List.of());
            c.createMessage(vs, sub, Fixture.message("private " + suffix, 1L), false);
        }
        String msg = withMessage ? c.createMessage(vs, f, Fixture.message("fresh " + suffix, 1L), false) : null;
        return new Fresh(f, sub, msg);
    }

    /** A fresh message of the victim in the Inbox. */
    public String victimMessage(String subject) throws MapiException {
        Message m = Fixture.message(subject, 1L);
        m.recipients = new ArrayList<>(List.of(Fixture.recipient("Outside", "outside@example.net", 1)));
        return c.createMessage(vs(), inbox, m, false);
    }

    /**
     * An item the role itself created in a fresh victim folder where it then holds only its one
     * right (it got "create" just for making it). Roles without access there get a victim's item.
     */
    public String ownItem(Role role) throws MapiException {
        if (role == Role.OTHER_ADMIN) return fresh(role, inbox, false, true).message();
        if (role.fullAccess()) {
            return c.createMessage(session(role), inbox, Fixture.message("own " + suffix, 1L), false);
        }
        String vs = vs();
        String f = c.createFolder(vs, inbox, unique("own"), "IPF.Note", false);
        setAcl(vs, f, only(role, Rights.CREATE));
        String item = c.createMessage(session(role), f, Fixture.message("own " + suffix, 1L), false);
        setAcl(vs, f, only(role, 0));
        return item;
    }
}
