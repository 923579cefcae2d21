package org.zcp.tools.admin;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zcp.api.soap.CompanyDetails;
import org.zcp.api.soap.QuotaStatus;
import org.zcp.api.soap.UserDetails;
import org.zcp.tools.soap.ServerConnection;
import org.zcp.tools.soap.Terminal;

/** zarafa-admin against an in-memory server: the manual's outputs (6.2, 8.2, 8.3) line by line. */
class ZarafaAdminTest {
    private static final long MB = 1024L * 1024;

    private final FakeZarafaCmd server = new FakeZarafaCmd();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Supplier<Terminal> terminal = () -> null;
    private int connects;

    @BeforeEach
    void users() {
        server.addUser("john", "John Doe").email = "j.doe@example.com";
        server.addUser("mary", "Mary Jones");
    }

    private int run(String... args) {
        return ZarafaAdmin.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8),
                (host, config, trace) -> {
                    connects++;
                    return ServerConnection.of(server, FakeZarafaCmd.SESSION, "http://localhost:236/zarafa");
                }, terminal);
    }

    private String out() {
        return out.toString(UTF_8);
    }

    private String err() {
        return err.toString(UTF_8);
    }

    private static long localTime(int year, int month, int day, int hour, int minute, int second) {
        return LocalDateTime.of(year, month, day, hour, minute, second).atZone(ZoneId.systemDefault())
                .toInstant().toEpochMilli();
    }

    // ---- output formats ------------------------------------------------------------------

    @Test
    void detailsShowsAUserAsInTheManual() {
        UserDetails john = server.users.get("john");
        john.lastLogon = localTime(2011, 3, 25, 19, 50, 29);
        john.lastLogoff = localTime(2011, 3, 25, 19, 50, 29);
        john.quotaOverride = false;
        john.storeSize = 462 * MB + 100 * 1024;
        // every user is in Everyone (manual 8.3.6): the server lists it first
        server.addGroup("Sales team", "john");
        QuotaStatus q = new QuotaStatus();
        q.warn = 1024 * MB;
        q.soft = 2048 * MB;
        q.hard = 3072 * MB;
        q.storeSize = john.storeSize;
        server.quota.put("john", q);

        int code = run("--details", "john");

        assertThat(code).isZero();
        assertThat(err()).isEmpty();
        assertThat(out()).isEqualTo("""
                Username:              john
                Fullname:              John Doe
                Emailaddress:          j.doe@example.com
                Active:                yes
                Administrator:         no
                Address book:          Visible
                Auto-accept meeting req:no
                Last logon:            03/25/11 19:50:29
                Last logoff:           03/25/11 19:50:29
                Quota overrides:       no
                Warning level:         1024 MB
                Soft level:            2048 MB
                Hard level:            3072 MB
                Current store size:    462 MB
                Groups (2):
                       Everyone
                       Sales team
                """);
        assertThat(server.loggedOff).isTrue();
    }

    @Test
    void detailsShowsSystemAdministratorsFeaturesUnlimitedQuotaAndSmallStoresInKb() {
        UserDetails admin = server.addUser("admin@example.com", "Administrator");
        admin.adminLevel = 2;
        admin.hidden = true;
        admin.storeSize = 12 * 1024L;
        admin.enabledFeatures = List.of("imap");
        admin.disabledFeatures = List.of("pop3");

        run("--details", "admin@example.com");

        assertThat(out()).isEqualTo("""
                Username:              admin@example.com
                Fullname:              Administrator
                Emailaddress:          admin@example.com@example.com
                Active:                yes
                Administrator:         yes (system)
                Address book:          Hidden
                Auto-accept meeting req:no
                Quota overrides:       no
                Warning level:         unlimited
                Soft level:            unlimited
                Hard level:            unlimited
                Current store size:    12 KB
                Features (enabled):    imap
                Features (disabled):   pop3
                Groups (1):
                       Everyone
                """);
    }

    @Test
    void detailsShowsTheMeetingRequestSettingsAsTheOriginal() {
        int code = run("-u", "john", "--mr-accept", "1", "--mr-decline-conflict", "1");

        assertThat(code).isZero();
        assertThat(out()).isEqualTo("User information updated.\n");
        out.reset();
        assertThat(run("--details", "john")).isZero();
        // manual 8.8, byte for byte: scripts match ^Decline dbl meetingreq:\s*(yes|no)
        assertThat(out()).contains("""
                Address book:          Visible
                Auto-accept meeting req:yes
                Decline dbl meetingreq:\tyes
                Decline recur meet.req:\tno
                Quota overrides:       no
                """);
    }

    @Test
    void detailsShowsNoDeclineLinesWithoutAutoAcceptAndNothingWithoutAStore() {
        server.users.get("mary").hidden = true;
        server.storeOf("john").mrDeclineConflict = true;

        run("--details", "john");

        assertThat(out()).contains("Address book:          Visible\nAuto-accept meeting req:no\nQuota overrides:")
                .doesNotContain("Decline");
        out.reset();
        server.storeOf("mary").owner = null;
        run("--details", "mary");
        assertThat(out()).contains("Address book:          Hidden\nQuota overrides:").doesNotContain("meeting");
    }

    @Test
    void detailsShowsARoomsTypeAndCapacity() {
        UserDetails room = server.addUser("room1", "Room 1");
        room.active = false;
        room.resourceType = "room";
        room.resourceCapacity = 12;
        UserDetails beamer = server.addUser("beamer", "Beamer");
        beamer.active = false;
        beamer.resourceType = "equipment";

        run("--details", "room1");

        assertThat(out()).startsWith("""
                Username:              room1
                Fullname:              Room 1
                Emailaddress:          room1@example.com
                Active:                no
                Non-active type:       Room
                Resource capacity:     12
                Administrator:         no
                Address book:          Visible
                Auto-accept meeting req:no
                """);
        out.reset();
        run("--details", "beamer");
        assertThat(out()).contains("Active:                no\nNon-active type:       Equipment\n"
                + "Resource capacity:     1\nAdministrator:");
        out.reset();
        run("--details", "john");
        assertThat(out()).doesNotContain("Non-active type").doesNotContain("Resource capacity");
    }

    @Test
    void detailsShowsAGroupWithItsMembers() {
        server.addGroup("sales", "john", "mary");

        int code = run("--details", "sales", "--type", "group");

        assertThat(code).isZero();
        assertThat(out()).isEqualTo("""
                Groupname:             sales
                Fullname:              sales
                Emailaddress:
                Address book:          Visible
                Users (2):
                       Username        Fullname        Homeserver
                       -----------------------------------------------
                       john            John Doe
                       mary            Mary Jones
                """);
    }

    @Test
    void detailsShowsACompany() {
        CompanyDetails c = server.addCompany("exampleorg", "john");
        c.quotaOverride = true;
        c.quotaWarn = 10240 * MB;
        c.storeSize = 3 * MB;

        run("--details", "exampleorg", "--type", "company");

        assertThat(out()).isEqualTo("""
                Companyname:           exampleorg
                Sysadmin:              john
                Quota overrides:       yes
                Warning level:         10240 MB
                User quota overrides:  no
                User warning level:    unlimited
                User soft level:       unlimited
                User hard level:       unlimited
                Current store size:    3 MB
                """);
    }

    @Test
    void listUsersPrintsTheDefaultCompanyTable() {
        int code = run("-l");

        assertThat(code).isZero();
        assertThat(out()).isEqualTo("""
                User list for Default(2):
                       Username        Fullname
                       -----------------------------
                       john            John Doe
                       mary            Mary Jones

                """);
    }

    @Test
    void listUsersInHostedModeListsEachCompany() {
        server.addCompany("acme", "john");
        server.addCompany("globex", "mary");
        server.users.get("john").company = "acme";
        server.users.get("mary").company = "globex";

        run("-l");

        assertThat(out()).isEqualTo("""
                User list for acme(1):
                       Username        Fullname
                       -----------------------------
                       john            John Doe

                User list for globex(1):
                       Username        Fullname
                       -----------------------------
                       mary            Mary Jones

                """);
    }

    @Test
    void listGroupsPrintsTheGroupTable() {
        // Everyone is always there (manual 8.3.6)
        server.addGroup("sales");

        run("-L");

        assertThat(out()).isEqualTo("""
                Group list for Default(2):
                       Groupname
                       -----------------------------
                       Everyone
                       sales

                """);
    }

    @Test
    void listSendAsPrintsTheManualsTable() {
        server.addUser("helpdesk", "Helpdesk");
        server.sendAs.put("helpdesk", List.of("john"));

        run("--list-sendas", "helpdesk");

        assertThat(out()).isEqualTo("""
                Send-as list (1) for user helpdesk:
                       Username        Fullname
                       -----------------------------
                       john            John Doe
                """);
    }

    @Test
    void listOrphansPrintsBothTablesOfTheManual() {
        server.addOrphan("CAC27E6D70BB45B0B712B760AE6BA0A8", "steve", localTime(2010, 3, 22, 14, 22, 0), 2334 * 1024L);
        server.addUser("jane", "Jane Roe");
        server.stores.remove(server.storeOf("jane").guid);

        run("--list-orphans");

        assertThat(out()).isEqualTo("""
                Stores without users:
                       Store guid                              Guessed username        Last modified     Store size
                       -----------------------------------------------------------------------------------------------
                       CAC27E6D70BB45B0B712B760AE6BA0A8        steve                   2010/03/22 14:22  2334KB

                Users without stores:
                       Username
                       -----------------------------
                       jane
                """);
    }

    @Test
    void listCompaniesPrintsNameAndSystemAdministrator() {
        server.addCompany("acme", "john");

        run("--list-companies");

        assertThat(out()).isEqualTo("""
                Company list (1):
                       Companyname     System administrator
                       -----------------------------------------
                       acme            john
                """);
    }

    // ---- errors --------------------------------------------------------------------------

    @Test
    void unknownOptionIsPicocliMessageAndExitCode1WithoutConnecting() {
        int code = run("--bogus");

        assertThat(code).isEqualTo(1);
        assertThat(err()).isEqualTo("Unknown option: '--bogus'\n");
        assertThat(out()).isEmpty();
        assertThat(connects).isZero();
    }

    @Test
    void unknownUserIsOneLineWithTheMapiError() {
        int code = run("--details", "nobody");

        assertThat(code).isEqualTo(1);
        assertThat(err()).isEqualTo("Unable to show user details: MAPI_E_NOT_FOUND (user nobody not found)\n");
        assertThat(out()).isEmpty();
        assertThat(server.loggedOff).isTrue();
    }

    @Test
    void createWithoutPasswordIsRefusedBeforeConnecting() {
        int code = run("-c", "jane", "-e", "jane@example.com", "-f", "Jane Roe");

        assertThat(code).isEqualTo(1);
        assertThat(err()).isEqualTo("Missing information to create user: password (-p or -P).\n");
        assertThat(connects).isZero();
    }

    @Test
    void createOfAnExistingUserShowsTheCollision() {
        int code = run("-c", "john", "-p", "secret", "-e", "j@example.com", "-f", "John");

        assertThat(code).isEqualTo(1);
        assertThat(err()).isEqualTo("Unable to create user: MAPI_E_COLLISION (user john already exists)\n");
    }

    @Test
    void noActionGivenIsAnError() {
        assertThat(run()).isEqualTo(1);
        assertThat(err()).isEqualTo("No correct command (e.g. -c for create user) given; see --help.\n");
    }

    @Test
    void twoActionsAreAnError() {
        assertThat(run("-l", "-L")).isEqualTo(1);
        assertThat(err()).isEqualTo("Only one action can be given at a time, not -l and -L.\n");
    }

    @Test
    void anAttributeOfAnotherActionIsAnError() {
        assertThat(run("-d", "john", "-U", "johnny")).isEqualTo(1);
        assertThat(err()).isEqualTo("Option -U cannot be used with -d.\n");
        assertThat(server.users).containsKey("john");
    }

    @Test
    void companyQuotaOnlyHasAWarningLevel() {
        server.addCompany("acme", "john");

        assertThat(run("--update-company", "acme", "--qo", "y", "--qh", "100")).isEqualTo(1);
        assertThat(err()).isEqualTo("Option --qh cannot be used with --update-company.\n");
    }

    @Test
    void badYesNoValueIsAnError() {
        assertThat(run("-u", "john", "--qo", "maybe")).isEqualTo(1);
        assertThat(err()).isEqualTo("Invalid value for --qo: 'maybe' (expected y or n).\n");
    }

    @Test
    void meetingRequestOptionsTakeYesOrNo() {
        assertThat(run("-u", "john", "--mr-accept", "2")).isEqualTo(1);
        assertThat(err()).isEqualTo("Invalid value for --mr-accept: '2' (expected y or n).\n");
        assertThat(connects).isZero();
        err.reset();
        assertThat(run("-u", "john", "--mr-decline-recurring", "maybe")).isEqualTo(1);
        assertThat(err()).isEqualTo("Invalid value for --mr-decline-recurring: 'maybe' (expected y or n).\n");

        assertThat(run("-u", "john", "--mr-accept", "yes", "--mr-decline-conflict", "n",
                "--mr-decline-recurring", "y")).isZero();
        assertThat(server.lastUserUpdate.mrAccept).isTrue();
        assertThat(server.lastUserUpdate.mrDeclineConflict).isFalse();
        assertThat(server.lastUserUpdate.mrDeclineRecurring).isTrue();
        assertThat(server.lastUserUpdate.fullName).isNull();
        assertThat(server.lastUserUpdate.active).isNull();
        assertThat(run("-u", "john", "--mr-accept", "0")).isZero();
        assertThat(server.storeOf("john").mrAccept).isFalse();
        assertThat(server.storeOf("john").mrDeclineRecurring).as("unchanged").isTrue();
    }

    @Test
    void meetingRequestOptionsBelongToUpdateOnly() {
        assertThat(run("-c", "jane", "-p", "x", "-e", "jane@example.com", "-f", "Jane", "--mr-accept", "1"))
                .isEqualTo(1);
        assertThat(err()).isEqualTo("Option --mr-accept cannot be used with -c.\n");
        assertThat(server.users).doesNotContainKey("jane");
    }

    @Test
    void meetingRequestSettingsOfAUserWithoutAStoreAreRefused() {
        server.storeOf("john").owner = null;

        assertThat(run("-u", "john", "--mr-accept", "1")).isEqualTo(1);
        assertThat(err()).isEqualTo("Unable to update user: MAPI_E_NOT_FOUND (user john has no store)\n");
    }

    @Test
    void emptyValueIsAnError() {
        assertThat(run("-c", "", "-p", "x", "-e", "x", "-f", "x")).isEqualTo(1);
        assertThat(err()).isEqualTo("Option -c cannot be empty.\n");
    }

    @Test
    void versionNeedsNoServer() {
        assertThat(run("-V")).isZero();
        assertThat(out()).isEqualTo("zarafa-admin 7.1.0\n");
        assertThat(connects).isZero();
    }

    // ---- actions -------------------------------------------------------------------------

    @Test
    void createUserSendsAllAttributes() {
        int code = run("-c", "jane", "-p", "secret", "-e", "jane@example.com", "-f", "Jane Roe", "-a", "y");

        assertThat(code).isZero();
        assertThat(out()).isEqualTo("User created.\n");
        UserDetails jane = server.users.get("jane");
        assertThat(jane.email).isEqualTo("jane@example.com");
        assertThat(jane.fullName).isEqualTo("Jane Roe");
        assertThat(jane.adminLevel).isEqualTo(1);
        assertThat(jane.active).isTrue();
        assertThat(server.passwords).containsEntry("jane", "secret");
    }

    @Test
    void createNonActiveUserNeedsNoPassword() {
        assertThat(run("-c", "room1", "-e", "room1@example.com", "-f", "Room 1", "-n", "1")).isZero();
        assertThat(server.users.get("room1").active).isFalse();
    }

    @Test
    void passwordPromptAsksTwice() {
        Deque<String> typed = new ArrayDeque<>(List.of("pw1", "pw1"));
        terminal = () -> new Terminal() {
            @Override
            public String readLine(String prompt) {
                return null;
            }

            @Override
            public char[] readPassword(String prompt) {
                return typed.pop().toCharArray();
            }
        };

        assertThat(run("-c", "jane", "-P", "-e", "jane@example.com", "-f", "Jane Roe")).isZero();
        assertThat(server.passwords).containsEntry("jane", "pw1");
    }

    @Test
    void quotaIsGivenInMegabytesAndSentInBytes() {
        int code = run("-u", "john", "--qo", "y", "--qw", "1024", "--qs", "2048", "--qh", "3072");

        assertThat(code).isZero();
        assertThat(out()).isEqualTo("User information updated.\n");
        assertThat(server.lastUserUpdate.quotaOverride).isTrue();
        assertThat(server.lastUserUpdate.quotaWarn).isEqualTo(1024L * 1024 * 1024);
        assertThat(server.lastUserUpdate.quotaSoft).isEqualTo(2048L * 1024 * 1024);
        assertThat(server.lastUserUpdate.quotaHard).isEqualTo(3072L * 1024 * 1024);
        assertThat(server.lastUserUpdate.fullName).isNull();
    }

    @Test
    void updateRenamesAndSetsFeaturesAndSendAs() {
        server.addUser("helpdesk", "Helpdesk");

        assertThat(run("-u", "helpdesk", "--add-sendas", "john")).isZero();
        assertThat(run("-u", "john", "-U", "johnny", "--enable-feature", "imap")).isZero();

        // the delegate is the same user under the new name
        assertThat(server.sendAs.get("helpdesk")).containsExactly("johnny");
        assertThat(server.users).containsKey("johnny").doesNotContainKey("john");
        assertThat(server.users.get("johnny").enabledFeatures).containsExactly("imap");
    }

    @Test
    void updateWithoutChangesIsAnError() {
        assertThat(run("-u", "john")).isEqualTo(1);
        assertThat(err()).isEqualTo("Missing information to update user (e.g. password, quota, see --help).\n");
    }

    @Test
    void groupMembership() {
        server.addGroup("sales");

        assertThat(run("-b", "john", "-i", "sales")).isZero();
        assertThat(server.members.get("sales")).containsExactly("john");
        assertThat(run("-B", "john", "-i", "sales")).isZero();
        assertThat(server.members.get("sales")).isEmpty();
        assertThat(out()).isEqualTo("User added to group.\nUser removed from group.\n");
    }

    @Test
    void addToGroupNeedsTheGroup() {
        assertThat(run("-b", "john")).isEqualTo(1);
        assertThat(err()).isEqualTo("Missing information to add user to group: group name (-i).\n");
    }

    @Test
    void hookStoreTakesTheUserFromMinusU() {
        server.addOrphan("CAC27E6D70BB45B0B712B760AE6BA0A8", "steve", 0, 0);

        assertThat(run("--hook-store", "CAC27E6D70BB45B0B712B760AE6BA0A8", "-u", "john")).isZero();

        assertThat(out()).isEqualTo("Store hooked.\n");
        assertThat(server.calls).containsExactly("hookStore CAC27E6D70BB45B0B712B760AE6BA0A8 john");
    }

    @Test
    void setCompanyIsAnAliasOfUpdateCompany() {
        server.addCompany("acme", "john");

        assertThat(run("--set-company", "acme", "--qo", "y", "--qw", "500")).isZero();

        assertThat(out()).isEqualTo("Company information updated.\n");
        assertThat(server.companies.get("acme").quotaWarn).isEqualTo(500 * MB);
    }

    @Test
    void setSystemAdminNeedsTheCompany() {
        server.addCompany("acme", "john");

        assertThat(run("--set-system-admin", "mary")).isEqualTo(1);
        assertThat(err()).isEqualTo("Missing company name (-I) to perform this action.\n");
        assertThat(run("--set-system-admin", "mary", "-I", "acme")).isZero();
        assertThat(server.companies.get("acme").adminName).isEqualTo("mary");
    }

    @Test
    void remoteViewListUsesTheManualsAlias() {
        server.addCompany("acme", "john");
        server.addCompany("globex", "mary");

        assertThat(run("--add-to-viewlist", "globex", "-I", "acme")).isZero();
        assertThat(run("--list-view", "-I", "acme")).isZero();

        assertThat(out()).isEqualTo("""
                Company globex added to the remote-view list of acme.
                Remote-view list (1) for company acme:
                       Companyname
                       -----------------------------
                       globex
                """);
    }

    @Test
    void purgeSoftDeleteReportsTheCount() {
        assertThat(run("--purge-softdelete", "30")).isZero();
        assertThat(out()).isEqualTo("Softdelete purged: 7 objects.\n");
        assertThat(server.calls).containsExactly("purgeSoftDelete 30");
    }

    @Test
    void publicStoreOfACompany() {
        assertThat(run("-s", "-I", "acme")).isZero();
        assertThat(server.calls).containsExactly("createPublicStore acme");
    }
}
