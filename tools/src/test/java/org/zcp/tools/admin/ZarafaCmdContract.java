package org.zcp.tools.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.soap.ArchiveInfo;
import org.zcp.api.soap.CompanyDetails;
import org.zcp.api.soap.GroupDetails;
import org.zcp.api.soap.LogonResult;
import org.zcp.api.soap.MapiException;
import org.zcp.api.soap.OrphanReport;
import org.zcp.api.soap.OrphanStore;
import org.zcp.api.soap.PropValue;
import org.zcp.api.soap.QuotaStatus;
import org.zcp.api.soap.StoreInfo;
import org.zcp.api.soap.UserDetails;
import org.zcp.api.soap.ZarafaCmd;

/**
 * What the server does for the SOAP operations of the tools (zarafa-admin, zarafa-archiver,
 * zarafa-set-oof): users, groups, companies, features, quotas, meeting request settings, send-as,
 * administrator levels, stores, archives, out-of-office, with the results the tools print and the
 * MAPI faults (error name and text) they show on one line. Run against the in-memory {@link FakeZarafaCmd} of the
 * tools' tests and, from itests, against the real server (issue 10 section 6; James's
 * MailboxManagerTest idea), so the fake cannot drift from the server again.
 *
 * <p>The server is multi-tenant (enable_hosted_zarafa = yes, loginname_format %u@%c): every test
 * works in a company of its own, so one server may serve all tests and other test classes.
 * Tests and hooks are public so that a subclass in another package (itests) runs them.
 */
public abstract class ZarafaCmdContract {
    private static final long MB = 1024L * 1024;

    protected ZarafaCmd cmd;
    /** A SYSTEM session (zarafa-admin's trusted local logon). */
    protected String system;
    /** This test's own company. */
    protected String company;

    /** The server under test, called before every test. */
    protected abstract ZarafaCmd server();

    /** A session of SYSTEM on {@link #server()}. */
    protected abstract String systemSession() throws Exception;

    @BeforeEach
    public void ownCompany() throws Exception {
        cmd = server();
        system = systemSession();
        company = newCompany();
    }

    // ---- fixtures ------------------------------------------------------------------------

    protected String newCompany() throws MapiException {
        CompanyDetails c = new CompanyDetails();
        c.companyName = "k" + UUID.randomUUID().toString().substring(0, 8);
        cmd.createCompany(system, c);
        return c.companyName;
    }

    /** The login of {@code name} in this test's company. */
    protected String login(String name) {
        return name + "@" + company;
    }

    protected static String password(String login) {
        return "pw-" + login.substring(0, login.indexOf('@'));
    }

    protected static UserDetails details(String login) {
        String name = login.substring(0, login.indexOf('@'));
        UserDetails u = new UserDetails();
        u.userName = login;
        u.password = password(login);
        u.fullName = name.substring(0, 1).toUpperCase() + name.substring(1) + " Contract";
        u.email = name + "@" + login.substring(login.indexOf('@') + 1) + ".example.com";
        return u;
    }

    /** A new active user of this test's company; returns the login. */
    protected String user(String name) throws MapiException {
        return cmd.createUser(system, details(login(name))).userName;
    }

    protected String logon(String login) throws MapiException {
        return cmd.logon(login, password(login), null, "contract").sessionId;
    }

    protected void adminLevel(String login, int level) throws MapiException {
        UserDetails u = new UserDetails();
        u.adminLevel = level;
        cmd.setUser(system, login, u);
    }

    protected static List<String> userNames(List<UserDetails> users) {
        return users == null ? List.of() : users.stream().map(u -> u.userName).toList();
    }

    protected static List<String> groupNames(List<GroupDetails> groups) {
        return groups == null ? List.of() : groups.stream().map(g -> g.groupName).toList();
    }

    protected static List<String> companyNames(List<CompanyDetails> companies) {
        return companies == null ? List.of() : companies.stream().map(c -> c.companyName).toList();
    }

    protected static List<String> archives(List<ArchiveInfo> archives) {
        return archives == null ? List.of() : archives.stream().map(a -> a.archiveUser + " " + a.folder).toList();
    }

    /** The call fails with this MAPI error and, unless null, exactly this text (which the tools print). */
    protected static void assertFault(ThrowingCallable call, MapiError error, String text) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MapiException.class, e -> {
            assertThat(e.getFaultInfo().error).as(e.getMessage()).isEqualTo(error.name());
            if (text != null) assertThat(e.getFaultInfo().message).isEqualTo(text);
        });
    }

    // ---- sessions ------------------------------------------------------------------------

    @Test
    public void logonChecksThePasswordAndLogoffEndsTheSession() throws Exception {
        String ann = user("ann");

        assertFault(() -> cmd.logon(ann, "wrong", null, "contract"), MapiError.MAPI_E_LOGON_FAILED, "logon failed");
        LogonResult r = cmd.logon(ann, password(ann), null, "contract");
        assertThat(r.sessionId).isNotBlank().isNotEqualTo(system);
        assertThat(r.userName).isEqualTo(ann);
        assertThat(cmd.getUser(r.sessionId, ann).userName).isEqualTo(ann);

        cmd.logoff(r.sessionId);
        assertFault(() -> cmd.getUser(r.sessionId, ann), MapiError.MAPI_E_END_OF_SESSION, null);
        assertFault(() -> cmd.getUserList("no-such-session", company), MapiError.MAPI_E_END_OF_SESSION, null);
    }

    @Test
    public void aNonActiveUserNeedsNoPasswordAndCannotLogOn() throws Exception {
        UserDetails room = details(login("room"));
        room.password = null;
        room.active = false;

        cmd.createUser(system, room);

        assertThat(cmd.getUser(system, room.userName).active).isFalse();
        assertFault(() -> cmd.logon(room.userName, "", null, "contract"), MapiError.MAPI_E_LOGON_FAILED,
                "logon failed");
        UserDetails active = details(login("desk"));
        active.password = null;
        // manual 8.3.1: only a non-active user may be created without a password
        assertFault(() -> cmd.createUser(system, active), MapiError.MAPI_E_INVALID_PARAMETER,
                "a password is required");
    }

    // ---- users ---------------------------------------------------------------------------

    @Test
    public void aCreatedUserHasTheGivenDetailsAndAStore() throws Exception {
        UserDetails bob = details(login("bob"));

        UserDetails created = cmd.createUser(system, bob);
        UserDetails read = cmd.getUser(system, bob.userName);

        for (UserDetails u : List.of(created, read)) {
            assertThat(u.userName).isEqualTo(bob.userName);
            assertThat(u.fullName).isEqualTo("Bob Contract");
            assertThat(u.email).isEqualTo(bob.email);
            assertThat(u.active).isTrue();
            assertThat(u.adminLevel).isZero();
            assertThat(u.hidden).isFalse();
            assertThat(u.company).isEqualTo(company);
            assertThat(u.hasStore).isTrue();
            assertThat(u.password).as("passwords never leave the server").isNull();
        }
    }

    @Test
    public void loginNamesAreUniqueIgnoringCaseButLookedUpExactly() throws Exception {
        String carol = user("carol");
        String shouted = "Carol@" + company;

        assertFault(() -> cmd.createUser(system, details(carol)), MapiError.MAPI_E_COLLISION,
                "user " + carol + " already exists");
        assertFault(() -> cmd.createUser(system, details(shouted)), MapiError.MAPI_E_COLLISION,
                "user " + shouted + " already exists");
        // manual 8.3.1: login names are case sensitive
        assertFault(() -> cmd.getUser(system, shouted), MapiError.MAPI_E_NOT_FOUND, "user " + shouted + " not found");
    }

    @Test
    public void aUserThatDoesNotExistIsNotFoundByEveryOperation() throws Exception {
        String nobody = login("nobody");
        String none = "user " + nobody + " not found";
        UserDetails change = new UserDetails();
        change.fullName = "x";

        assertFault(() -> cmd.getUser(system, nobody), MapiError.MAPI_E_NOT_FOUND, none);
        assertFault(() -> cmd.setUser(system, nobody, change), MapiError.MAPI_E_NOT_FOUND, none);
        assertFault(() -> cmd.deleteUser(system, nobody), MapiError.MAPI_E_NOT_FOUND, none);
        assertFault(() -> cmd.setUserFeature(system, nobody, "imap", true), MapiError.MAPI_E_NOT_FOUND, none);
        assertFault(() -> cmd.getSendAsList(system, nobody), MapiError.MAPI_E_NOT_FOUND, none);
        assertFault(() -> cmd.getQuotaStatus(system, nobody), MapiError.MAPI_E_NOT_FOUND, none);
        assertFault(() -> cmd.getStore(system, nobody), MapiError.MAPI_E_NOT_FOUND, none);
        assertFault(() -> cmd.listArchives(system, nobody), MapiError.MAPI_E_NOT_FOUND, none);
        assertFault(() -> cmd.createUser(system, details("eve@nosuchcompany")), MapiError.MAPI_E_NOT_FOUND,
                "company nosuchcompany not found");
    }

    @Test
    public void anUpdateChangesOnlyWhatItGives() throws Exception {
        String erin = user("erin");
        UserDetails name = new UserDetails();
        name.fullName = "Erin Changed";

        cmd.setUser(system, erin, name);
        UserDetails once = cmd.getUser(system, erin);
        assertThat(once.fullName).isEqualTo("Erin Changed");
        assertThat(once.email).isEqualTo(details(erin).email);
        assertThat(once.active).isTrue();

        UserDetails password = new UserDetails();
        password.password = "new-secret";
        cmd.setUser(system, erin, password);
        assertThat(cmd.logon(erin, "new-secret", null, "contract").sessionId).isNotBlank();

        UserDetails more = new UserDetails();
        more.email = "erin.changed@" + company + ".example.com";
        more.active = false;
        more.hidden = true;
        cmd.setUser(system, erin, more);
        UserDetails twice = cmd.getUser(system, erin);
        assertThat(twice.fullName).isEqualTo("Erin Changed");
        assertThat(twice.email).isEqualTo(more.email);
        assertThat(twice.active).isFalse();
        assertThat(twice.hidden).isTrue();

        UserDetails bad = new UserDetails();
        bad.email = "not-an-address";
        assertFault(() -> cmd.setUser(system, erin, bad), MapiError.MAPI_E_INVALID_PARAMETER,
                "'not-an-address' is not an email address");
    }

    @Test
    public void aRenamedUserKeepsItsDetailsAndATakenNameIsRefused() throws Exception {
        String fay = user("fay");
        String gus = user("gus");
        String fiona = login("fiona");
        UserDetails rename = new UserDetails();
        rename.userName = fiona;

        cmd.setUser(system, fay, rename);

        assertThat(cmd.getUser(system, fiona).fullName).isEqualTo("Fay Contract");
        assertFault(() -> cmd.getUser(system, fay), MapiError.MAPI_E_NOT_FOUND, "user " + fay + " not found");
        UserDetails taken = new UserDetails();
        taken.userName = gus;
        assertFault(() -> cmd.setUser(system, fiona, taken), MapiError.MAPI_E_COLLISION,
                "user " + gus + " already exists");
        assertThat(userNames(cmd.getUserList(system, company))).containsExactlyInAnyOrder(fiona, gus);
    }

    @Test
    public void aDeletedUserLeavesTheCompanysListAndLookups() throws Exception {
        String hal = user("hal");
        String ida = user("ida");
        assertThat(userNames(cmd.getUserList(system, company))).containsExactlyInAnyOrder(hal, ida);

        cmd.deleteUser(system, hal);

        assertThat(userNames(cmd.getUserList(system, company))).containsExactly(ida);
        assertFault(() -> cmd.getUser(system, hal), MapiError.MAPI_E_NOT_FOUND, "user " + hal + " not found");
        assertFault(() -> cmd.deleteUser(system, hal), MapiError.MAPI_E_NOT_FOUND, "user " + hal + " not found");
    }

    // ---- features and quotas ---------------------------------------------------------------

    @Test
    public void aFeatureIsEnabledOrDisabledNeverBoth() throws Exception {
        String jan = user("jan");

        cmd.setUserFeature(system, jan, "imap", true);
        UserDetails on = cmd.getUser(system, jan);
        assertThat(on.enabledFeatures).containsExactly("imap");
        assertThat(on.disabledFeatures).isNullOrEmpty();

        // manual 8.7.2: the names are case-insensitive, and a feature is never in both lists
        cmd.setUserFeature(system, jan, "IMAP", false);
        cmd.setUserFeature(system, jan, "pop3", true);
        UserDetails off = cmd.getUser(system, jan);
        assertThat(off.enabledFeatures).containsExactly("pop3");
        assertThat(off.disabledFeatures).containsExactly("imap");

        assertFault(() -> cmd.setUserFeature(system, jan, "smtp", true), MapiError.MAPI_E_INVALID_PARAMETER,
                "unknown feature 'smtp' (imap, pop3)");
    }

    @Test
    public void aQuotaOverrideGivesTheUserItsOwnLevels() throws Exception {
        String kim = user("kim");
        UserDetails q = new UserDetails();
        q.quotaOverride = true;
        q.quotaWarn = 100 * MB;
        q.quotaSoft = 200 * MB;
        q.quotaHard = 300 * MB;

        cmd.setUser(system, kim, q);

        UserDetails u = cmd.getUser(system, kim);
        assertThat(u.quotaOverride).isTrue();
        assertThat(List.of(u.quotaWarn, u.quotaSoft, u.quotaHard)).containsExactly(100 * MB, 200 * MB, 300 * MB);
        QuotaStatus s = cmd.getQuotaStatus(system, kim);
        assertThat(List.of(s.warn, s.soft, s.hard)).containsExactly(100 * MB, 200 * MB, 300 * MB);
        assertThat(s.storeSize).isNotNegative().isLessThan(100 * MB);
        assertThat(s.status).isEqualTo(QuotaStatus.OK);
        UserDetails negative = new UserDetails();
        negative.quotaHard = -1L;
        assertFault(() -> cmd.setUser(system, kim, negative), MapiError.MAPI_E_INVALID_PARAMETER,
                "quota values cannot be negative");
    }

    // ---- resources (manual 8.8) ------------------------------------------------------------

    @Test
    public void meetingRequestSettingsAreTheStoresAndChangeOnlyWhenGiven() throws Exception {
        String hall = user("hall");
        String otto = user("otto");
        UserDetails fresh = cmd.getUser(system, hall);
        assertThat(List.of(fresh.mrAccept, fresh.mrDeclineConflict, fresh.mrDeclineRecurring))
                .containsExactly(false, false, false);
        // an active user is no room or equipment
        assertThat(fresh.resourceType).isNull();
        assertThat(fresh.resourceCapacity).isNull();
        UserDetails accept = new UserDetails();
        accept.mrAccept = true;

        cmd.setUser(system, hall, accept);

        UserDetails on = cmd.getUser(system, hall);
        assertThat(on.mrAccept).isTrue();
        assertThat(on.mrDeclineConflict).isFalse();
        assertThat(on.mrDeclineRecurring).isFalse();
        assertThat(on.fullName).isEqualTo("Hall Contract");
        assertThat(on.active).isTrue();
        UserDetails recurring = new UserDetails();
        recurring.mrDeclineRecurring = true;
        cmd.setUser(system, hall, recurring);
        UserDetails both = cmd.getUser(system, hall);
        assertThat(List.of(both.mrAccept, both.mrDeclineConflict, both.mrDeclineRecurring))
                .containsExactly(true, false, true);

        // only the administrators over the user change them, and others do not see them
        String s = logon(hall);
        assertFault(() -> cmd.setUser(s, hall, accept), MapiError.MAPI_E_NO_ACCESS,
                "administrator rights over this user required");
        assertThat(cmd.getUser(s, hall).mrAccept).isTrue();
        assertThat(cmd.getUser(logon(otto), hall).mrAccept).isNull();

        cmd.unhookStore(system, hall);

        assertThat(cmd.getUser(system, hall).mrAccept).isNull();
        assertFault(() -> cmd.setUser(system, hall, accept), MapiError.MAPI_E_NOT_FOUND,
                "user " + hall + " has no store");
    }

    // ---- administrator levels --------------------------------------------------------------

    @Test
    public void aPlainUserSeesOthersButAdministersNobody() throws Exception {
        String lee = user("lee");
        String mia = user("mia");
        String s = logon(lee);
        UserDetails change = new UserDetails();
        change.fullName = "Changed";

        assertThat(cmd.getUser(s, lee).hasStore).as("own details are complete").isTrue();
        UserDetails other = cmd.getUser(s, mia);
        assertThat(other.userName).isEqualTo(mia);
        // review finding 25: store and quota of others only for their administrators
        assertThat(other.hasStore).isNull();
        assertThat(other.quotaHard).isNull();
        assertFault(() -> cmd.createUser(s, details(login("ned"))), MapiError.MAPI_E_NO_ACCESS,
                "administrator rights required");
        assertFault(() -> cmd.setUser(s, mia, change), MapiError.MAPI_E_NO_ACCESS,
                "administrator rights over this user required");
        assertFault(() -> cmd.deleteUser(s, mia), MapiError.MAPI_E_NO_ACCESS,
                "administrator rights over this user required");
        assertFault(() -> cmd.setUserFeature(s, lee, "imap", true), MapiError.MAPI_E_NO_ACCESS,
                "administrator rights over this user required");
        assertFault(() -> cmd.createCompany(s, new CompanyDetails()), MapiError.MAPI_E_NO_ACCESS,
                "system administrator rights required");
        assertFault(() -> cmd.listOrphans(s), MapiError.MAPI_E_NO_ACCESS, "system administrator rights required");
        assertFault(() -> cmd.purgeSoftDelete(s, 30), MapiError.MAPI_E_NO_ACCESS,
                "system administrator rights required");
    }

    @Test
    public void aCompanyAdministratorManagesItsCompanyButNotTheHostersLimits() throws Exception {
        String ola = user("ola");
        adminLevel(ola, 1);
        String s = logon(ola);
        String stranger = cmd.createUser(system, details("stan@" + newCompany())).userName;

        String pam = cmd.createUser(s, details(login("pam"))).userName;
        UserDetails name = new UserDetails();
        name.fullName = "Pam Renamed";
        cmd.setUser(s, pam, name);
        assertThat(cmd.getUser(s, pam).fullName).isEqualTo("Pam Renamed");

        UserDetails systemAdmin = new UserDetails();
        systemAdmin.adminLevel = 2;
        assertFault(() -> cmd.setUser(s, pam, systemAdmin), MapiError.MAPI_E_NO_ACCESS,
                "system administrator rights required");
        // review finding 20: in hosted mode quotas are the hoster's limits
        UserDetails quota = new UserDetails();
        quota.quotaOverride = true;
        assertFault(() -> cmd.setUser(s, pam, quota), MapiError.MAPI_E_NO_ACCESS,
                "system administrator rights required");
        // another tenant's users do not exist for a company administrator
        assertFault(() -> cmd.getUser(s, stranger), MapiError.MAPI_E_NOT_FOUND, "user " + stranger + " not found");
        assertThat(userNames(cmd.getUserList(s, null))).containsExactlyInAnyOrder(ola, pam);
        cmd.deleteUser(s, pam);
        assertThat(userNames(cmd.getUserList(system, company))).containsExactly(ola);
    }

    // ---- send-as -------------------------------------------------------------------------

    @Test
    public void sendAsDelegatesAreListedOnceAndRemoved() throws Exception {
        String quin = user("quin");
        String rae = user("rae");

        cmd.addSendAsUser(system, quin, rae);
        cmd.addSendAsUser(system, quin, rae);

        assertThat(userNames(cmd.getSendAsList(system, quin))).containsExactly(rae);
        assertFault(() -> cmd.addSendAsUser(system, quin, quin), MapiError.MAPI_E_INVALID_PARAMETER,
                "a user cannot be his own send-as delegate");
        assertFault(() -> cmd.addSendAsUser(system, quin, login("nobody")), MapiError.MAPI_E_NOT_FOUND,
                "user " + login("nobody") + " not found");
        cmd.delSendAsUser(system, quin, rae);
        assertThat(userNames(cmd.getSendAsList(system, quin))).isEmpty();
        assertFault(() -> cmd.delSendAsUser(system, quin, rae), MapiError.MAPI_E_NOT_FOUND,
                rae + " in the send-as list of " + quin + " not found");
    }

    // ---- groups --------------------------------------------------------------------------

    @Test
    public void aGroupHoldsItsMembersWhoSeeItInTheirDetails() throws Exception {
        String sales = login("sales");
        GroupDetails g = new GroupDetails();
        g.groupName = sales;
        g.fullName = "Sales team";
        g.email = "sales@" + company + ".example.com";
        cmd.createGroup(system, g);
        String sam = user("sam");

        GroupDetails read = cmd.getGroup(system, sales);
        assertThat(read.groupName).as("a group's name is shown without its company").isEqualTo("sales");
        assertThat(read.fullName).isEqualTo("Sales team");
        assertThat(read.email).isEqualTo(g.email);
        assertThat(read.company).isEqualTo(company);

        cmd.addGroupUser(system, sales, sam);

        assertThat(userNames(cmd.getUserListOfGroup(system, sales))).containsExactly(sam);
        // manual 8.3.6: every user is in Everyone
        assertThat(cmd.getUser(system, sam).groups).containsExactly("Everyone", "sales");
        assertFault(() -> cmd.addGroupUser(system, sales, sam), MapiError.MAPI_E_COLLISION,
                "user " + sam + " is already in group " + sales);
        cmd.deleteGroupUser(system, sales, sam);
        assertThat(userNames(cmd.getUserListOfGroup(system, sales))).isEmpty();
        assertFault(() -> cmd.deleteGroupUser(system, sales, sam), MapiError.MAPI_E_NOT_FOUND,
                "user " + sam + " in group " + sales + " not found");
    }

    @Test
    public void groupsAreCreatedOnceUpdatedListedAndDeleted() throws Exception {
        String sales = login("sales");
        GroupDetails g = new GroupDetails();
        g.groupName = sales;
        cmd.createGroup(system, g);

        assertFault(() -> cmd.createGroup(system, g), MapiError.MAPI_E_COLLISION, "group " + sales + " already exists");
        assertThat(cmd.getGroup(system, sales).fullName).as("the name when none is given").isEqualTo("sales");
        GroupDetails change = new GroupDetails();
        change.fullName = "Sales";
        change.email = "sales@" + company + ".example.com";
        cmd.setGroup(system, sales, change);
        GroupDetails read = cmd.getGroup(system, sales);
        assertThat(read.fullName).isEqualTo("Sales");
        assertThat(read.email).isEqualTo(change.email);
        // manual 8.3.6: every tenant sees Everyone first
        assertThat(groupNames(cmd.getGroupList(system, company))).containsExactly("Everyone", "sales");

        cmd.deleteGroup(system, sales);

        assertThat(groupNames(cmd.getGroupList(system, company))).containsExactly("Everyone");
        assertFault(() -> cmd.getGroup(system, sales), MapiError.MAPI_E_NOT_FOUND, "group " + sales + " not found");
        assertFault(() -> cmd.deleteGroup(system, sales), MapiError.MAPI_E_NOT_FOUND, "group " + sales + " not found");
    }

    @Test
    public void everyoneCannotBeChanged() throws Exception {
        String tim = user("tim");
        String fixed = "the group Everyone cannot be changed (manual 8.3.6)";

        assertThat(userNames(cmd.getUserListOfGroup(system, "Everyone"))).contains(tim);
        assertFault(() -> cmd.addGroupUser(system, "Everyone", tim), MapiError.MAPI_E_NO_ACCESS, fixed);
        assertFault(() -> cmd.deleteGroup(system, "Everyone"), MapiError.MAPI_E_NO_ACCESS, fixed);
    }

    // ---- companies -----------------------------------------------------------------------

    @Test
    public void aCompanyIsCreatedOnceAndGetsAnAdministratorAndAWarningLevel() throws Exception {
        String other = newCompany();
        CompanyDetails again = new CompanyDetails();
        again.companyName = other;
        String tom = user("tom");

        assertFault(() -> cmd.createCompany(system, again), MapiError.MAPI_E_COLLISION,
                "company " + other + " already exists");
        assertThat(companyNames(cmd.getCompanyList(system))).contains(company, other);
        assertThat(cmd.getCompany(system, company).adminName).isNull();
        CompanyDetails admin = new CompanyDetails();
        admin.adminName = tom;
        cmd.setCompany(system, company, admin);
        CompanyDetails quota = new CompanyDetails();
        quota.quotaOverride = true;
        quota.quotaWarn = 500 * MB;
        cmd.setCompany(system, company, quota);

        CompanyDetails read = cmd.getCompany(system, company);
        assertThat(read.companyName).isEqualTo(company);
        assertThat(read.adminName).isEqualTo(tom);
        assertThat(read.quotaOverride).isTrue();
        assertThat(read.quotaWarn).isEqualTo(500 * MB);
        CompanyDetails nobody = new CompanyDetails();
        nobody.adminName = login("nobody");
        assertFault(() -> cmd.setCompany(system, company, nobody), MapiError.MAPI_E_NOT_FOUND,
                "user " + login("nobody") + " not found");
        assertFault(() -> cmd.createPublicStore(system, company), MapiError.MAPI_E_COLLISION,
                "the public store already exists");
        assertFault(() -> cmd.createPublicStore(system, "nosuchcompany"), MapiError.MAPI_E_NOT_FOUND,
                "company nosuchcompany not found");
    }

    @Test
    public void onlyACompanyWithoutUsersOrGroupsIsDeleted() throws Exception {
        String other = newCompany();
        user("una");

        assertFault(() -> cmd.deleteCompany(system, company), MapiError.MAPI_E_COLLISION,
                "company " + company + " still has users or groups; delete them first");
        cmd.deleteCompany(system, other);

        assertThat(companyNames(cmd.getCompanyList(system))).contains(company).doesNotContain(other);
        assertFault(() -> cmd.getCompany(system, other), MapiError.MAPI_E_NOT_FOUND, "company " + other + " not found");
        assertFault(() -> cmd.deleteCompany(system, other), MapiError.MAPI_E_NOT_FOUND,
                "company " + other + " not found");
    }

    @Test
    public void remoteViewersAndAdministratorsAreListedAndRemoved() throws Exception {
        String viewer = newCompany();

        cmd.addCompanyToRemoteViewList(system, viewer, company);
        assertThat(companyNames(cmd.getRemoteViewList(system, company))).containsExactly(viewer);
        assertFault(() -> cmd.addCompanyToRemoteViewList(system, company, company),
                MapiError.MAPI_E_INVALID_PARAMETER, "a company always sees itself");
        cmd.delCompanyFromRemoteViewList(system, viewer, company);
        assertThat(companyNames(cmd.getRemoteViewList(system, company))).isEmpty();
        assertFault(() -> cmd.delCompanyFromRemoteViewList(system, viewer, company), MapiError.MAPI_E_NOT_FOUND,
                viewer + " in the view list of " + company + " not found");

        String remote = cmd.createUser(system, details("vic@" + viewer)).userName;
        cmd.addUserToRemoteAdminList(system, remote, company);
        assertThat(userNames(cmd.getRemoteAdminList(system, company))).containsExactly(remote);
        // a remote administrator administers the company (manual 6.2.3)
        String s = logon(remote);
        String wes = cmd.createUser(s, details(login("wes"))).userName;
        assertThat(cmd.getUser(system, wes).company).isEqualTo(company);
        cmd.delUserFromRemoteAdminList(system, remote, company);
        assertThat(userNames(cmd.getRemoteAdminList(system, company))).isEmpty();
        assertFault(() -> cmd.createUser(s, details(login("xia"))), MapiError.MAPI_E_NO_ACCESS,
                "administrator rights required");
        assertFault(() -> cmd.delUserFromRemoteAdminList(system, remote, company), MapiError.MAPI_E_NOT_FOUND,
                remote + " in the admin list of " + company + " not found");
    }

    // ---- stores --------------------------------------------------------------------------

    @Test
    public void anUnhookedStoreIsAnOrphanUntilHookedToAUserOrRemoved() throws Exception {
        String zed = user("zed");
        String abe = user("abe");
        String zeds = cmd.getStore(system, zed).guid;
        String abes = cmd.getStore(system, abe).guid;

        cmd.unhookStore(system, zed);

        OrphanReport r = cmd.listOrphans(system);
        assertThat(r.stores).filteredOn(o -> o.guid.equals(zeds)).singleElement()
                .satisfies(o -> assertThat(o.guessedUserName).isEqualTo(zed));
        assertThat(r.usersWithoutStore).contains(zed);
        assertThat(cmd.getUser(system, zed).hasStore).isFalse();
        assertFault(() -> cmd.getStore(system, zed), MapiError.MAPI_E_NOT_FOUND, "store of " + zed + " not found");
        assertFault(() -> cmd.unhookStore(system, zed), MapiError.MAPI_E_NOT_FOUND, "store of " + zed + " not found");
        assertFault(() -> cmd.removeStore(system, abes), MapiError.MAPI_E_COLLISION,
                "store " + abes + " belongs to a user; unhook it first");

        // manual 8.2: hooking a store to a user orphans the user's own store
        cmd.hookStore(system, zeds, abe);

        assertThat(cmd.getStore(system, abe).guid).isEqualTo(zeds);
        assertFault(() -> cmd.hookStore(system, zeds, zed), MapiError.MAPI_E_COLLISION,
                "store " + zeds + " is not orphaned");
        assertThat(cmd.listOrphans(system).stores).extracting(o -> o.guid + " " + o.guessedUserName)
                .contains(abes + " " + abe).doesNotContain(zeds + " " + zed);
        cmd.removeStore(system, abes);
        assertThat(cmd.listOrphans(system).stores).extracting(o -> o.guid).doesNotContain(abes);
        String none = "0123456789ABCDEF0123456789ABCDEF";
        assertFault(() -> cmd.hookStore(system, none, zed), MapiError.MAPI_E_NOT_FOUND, "store " + none + " not found");
    }

    @Test
    public void aDeletedUsersStoreIsKeptAsAnOrphan() throws Exception {
        String bea = user("bea");
        String guid = cmd.getStore(system, bea).guid;

        cmd.deleteUser(system, bea);

        // manual 8.3.4
        List<OrphanStore> orphans = cmd.listOrphans(system).stores;
        assertThat(orphans).filteredOn(o -> o.guid.equals(guid)).singleElement()
                .satisfies(o -> assertThat(o.guessedUserName).isEqualTo(bea));
    }

    @Test
    public void softDeletedItemsArePurgedByDays() throws Exception {
        // ten years: nothing of the other tests on a shared server is that old
        assertThat(cmd.purgeSoftDelete(system, 3650)).isNotNegative();
        assertFault(() -> cmd.purgeSoftDelete(system, -1), MapiError.MAPI_E_INVALID_PARAMETER,
                "days cannot be negative");
    }

    // ---- archives (zarafa-archiver) --------------------------------------------------------

    @Test
    public void anArchiveIsAttachedOnceBelowAFolderNamedAfterTheUser() throws Exception {
        String vera = user("vera");
        String walt = user("walt");
        String xena = user("xena");

        cmd.attachArchive(system, vera, walt, null);

        // manual 6.7: the folder is the user's name, without the company part of the login
        assertThat(archives(cmd.listArchives(system, vera))).containsExactly(walt + " vera");
        assertFault(() -> cmd.attachArchive(system, vera, walt, null), MapiError.MAPI_E_COLLISION,
                vera + " is already attached to " + walt);
        assertFault(() -> cmd.attachArchive(system, vera, vera, null), MapiError.MAPI_E_INVALID_PARAMETER,
                "a user cannot be his own archive");
        assertFault(() -> cmd.attachArchive(system, vera, login("nobody"), null), MapiError.MAPI_E_NOT_FOUND,
                "user " + login("nobody") + " not found");
        cmd.attachArchive(system, vera, xena, "  Old mail ");
        assertThat(archives(cmd.listArchives(system, vera))).containsExactly(walt + " vera", xena + " Old mail");

        cmd.detachArchive(system, vera, walt);

        assertThat(archives(cmd.listArchives(system, vera))).containsExactly(xena + " Old mail");
        assertFault(() -> cmd.detachArchive(system, vera, walt), MapiError.MAPI_E_NOT_FOUND,
                walt + " is not an archive of " + vera + " not found");
    }

    // ---- out of office (zarafa-set-oof) ----------------------------------------------------

    @Test
    public void outOfOfficeIsKeptOnTheStoreRoot() throws Exception {
        String yuri = user("yuri");
        StoreInfo store = cmd.getStore(system, yuri);
        List<Integer> tags = List.of(PropTag.PR_EC_OUTOFOFFICE, PropTag.PR_EC_OUTOFOFFICE_SUBJECT,
                PropTag.PR_EC_OUTOFOFFICE_MSG);
        List<PropValue> on = List.of(PropValue.ofBool(PropTag.PR_EC_OUTOFOFFICE, true),
                PropValue.ofString(PropTag.PR_EC_OUTOFOFFICE_SUBJECT, "Away"),
                PropValue.ofString(PropTag.PR_EC_OUTOFOFFICE_MSG, "Back on Monday.\nGr\u00fc\u00dfe"));

        assertThat(store.type).isEqualTo(StoreInfo.PRIVATE);
        assertThat(store.ownerName).isEqualTo(yuri);
        assertThat(store.storeId).isNotBlank();
        cmd.setProps(system, store.storeId, on);
        assertThat(cmd.getProps(system, store.storeId, tags)).containsExactlyElementsOf(on);

        // zarafa-set-oof USER 0: the flag alone; subject and text stay for the next time
        cmd.setProps(system, store.storeId, List.of(PropValue.ofBool(PropTag.PR_EC_OUTOFOFFICE, false)));
        assertThat(cmd.getProps(system, store.storeId, tags)).containsExactly(
                PropValue.ofBool(PropTag.PR_EC_OUTOFOFFICE, false), on.get(1), on.get(2));
    }
}
