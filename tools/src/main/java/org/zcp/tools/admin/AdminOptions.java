package org.zcp.tools.admin;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line of zarafa-admin with the original's option names (manual 6.2.3-6.2.6, 8.1-8.3,
 * 8.7, 8.8). Each action option selects what to do ({@link ActionSelector}); the others are its
 * attributes. Yes/no values stay strings here and are checked in {@link Values}.
 */
@Command(name = "zarafa-admin", version = ZarafaAdmin.VERSION, sortOptions = false,
        description = "Manage users, groups, companies and stores of a Zarafa server. "
                + "Give exactly one action.")
final class AdminOptions {

    // ---- user actions (manual 8.2, 8.3) ---------------------------------------------------

    @Option(names = "-c", paramLabel = "USER",
            description = "Create user; -p or -P, -e and -f required, -a, -n and quota options optional.")
    String createUser;

    @Option(names = "-u", paramLabel = "USER",
            description = "Update user with -U -p -P -e -f -a -n, quota, send-as, feature and meeting request "
                    + "(--mr-*) options; with --hook-store the user to receive the store.")
    String updateUser;

    @Option(names = "-d", paramLabel = "USER", description = "Delete user.")
    String deleteUser;

    @Option(names = "-l", description = "List users (of the company given with -I).")
    boolean listUsers;

    @Option(names = "--details", paramLabel = "NAME", description = "Show details of a user, group or company.")
    String details;

    @Option(names = "--type", paramLabel = "TYPE", description = "Object type for --details: user, group or company.")
    String type;

    @Option(names = "--list-sendas", paramLabel = "USER", description = "List the users allowed to send as USER.")
    String listSendAs;

    // ---- group actions (manual 8.3.6) -----------------------------------------------------

    @Option(names = "-g", paramLabel = "GROUP", description = "Create group; -e and -f optional.")
    String createGroup;

    @Option(names = "--update-group", paramLabel = "GROUP", description = "Update group with -e and/or -f.")
    String updateGroup;

    @Option(names = "-G", paramLabel = "GROUP", description = "Delete group.")
    String deleteGroup;

    @Option(names = "-L", description = "List groups (of the company given with -I).")
    boolean listGroups;

    @Option(names = "-b", paramLabel = "USER", description = "Add user to the group given with -i.")
    String addToGroup;

    @Option(names = "-B", paramLabel = "USER", description = "Remove user from the group given with -i.")
    String removeFromGroup;

    // ---- store actions (manual 8.1, 8.2) --------------------------------------------------

    @Option(names = "-s", description = "Create the public store (of the company given with -I).")
    boolean createPublicStore;

    @Option(names = "--list-orphans", description = "List stores without users and users without stores.")
    boolean listOrphans;

    @Option(names = "--remove-store", paramLabel = "GUID", description = "Remove an orphaned store; irreversible.")
    String removeStore;

    @Option(names = "--hook-store", paramLabel = "GUID",
            description = "Hook an orphaned store to the user given with -u.")
    String hookStore;

    @Option(names = "--unhook-store", paramLabel = "USER", description = "Unhook the store of a user.")
    String unhookStore;

    @Option(names = "--sync", description = "Synchronise users, groups and companies with the LDAP directory (manual 8.5.1).")
    boolean sync;

    @Option(names = "--purge-softdelete", paramLabel = "DAYS",
            description = "Purge soft-deleted items older than DAYS days.")
    Integer purgeSoftDelete;

    // ---- company actions (manual 6.2.3, 6.2.5, 6.2.6) -------------------------------------

    @Option(names = "--create-company", paramLabel = "COMPANY", description = "Create a company space.")
    String createCompany;

    @Option(names = "--delete-company", paramLabel = "COMPANY", description = "Delete a company space.")
    String deleteCompany;

    @Option(names = {"--update-company", "--set-company"}, paramLabel = "COMPANY",
            description = "Update a company space: --qo --qw, user defaults --udqo --udqw --udqs --udqh.")
    String updateCompany;

    @Option(names = "--set-system-admin", paramLabel = "USER",
            description = "Make USER the system administrator of the company given with -I.")
    String setSystemAdmin;

    @Option(names = "--list-companies", description = "List all companies.")
    boolean listCompanies;

    @Option(names = {"--add-view", "--add-to-viewlist"}, paramLabel = "COMPANY",
            description = "Let COMPANY view the company given with -I.")
    String addView;

    @Option(names = {"--del-view", "--del-from-viewlist"}, paramLabel = "COMPANY",
            description = "Remove COMPANY from the remote-view list of the company given with -I.")
    String delView;

    @Option(names = "--list-view", description = "List the remote-view list of the company given with -I.")
    boolean listView;

    @Option(names = {"--add-admin", "--add-to-adminlist"}, paramLabel = "USER",
            description = "Make USER an administrator of the company given with -I.")
    String addAdmin;

    @Option(names = {"--del-admin", "--del-from-adminlist"}, paramLabel = "USER",
            description = "Remove USER from the remote-admin list of the company given with -I.")
    String delAdmin;

    @Option(names = "--list-admin", description = "List the remote-admin list of the company given with -I.")
    boolean listAdmin;

    // ---- attributes -----------------------------------------------------------------------

    @Option(names = "-U", paramLabel = "NEWNAME", description = "New user name (with -u).")
    String newUserName;

    @Option(names = "-p", paramLabel = "PASS", description = "Password.")
    String password;

    @Option(names = "-P", description = "Prompt for the password twice, without echo.")
    boolean promptPassword;

    @Option(names = "-e", paramLabel = "EMAIL", description = "Email address.")
    String email;

    @Option(names = "-f", paramLabel = "FULLNAME", description = "Full name.")
    String fullName;

    @Option(names = "-a", paramLabel = "0|1|2|y|n",
            description = "Administrator: 0/n none, 1/y company administrator, 2 system administrator.")
    String admin;

    @Option(names = "-n", paramLabel = "0|1|y|n", description = "Non-active user (manual 8.3.2).")
    String nonActive;

    @Option(names = "--qo", paramLabel = "y|n", description = "Override the server's quota levels.")
    String quotaOverride;

    @Option(names = "--qw", paramLabel = "MB", description = "Quota warning level in MB.")
    Long quotaWarn;

    @Option(names = "--qs", paramLabel = "MB", description = "Quota soft level in MB.")
    Long quotaSoft;

    @Option(names = "--qh", paramLabel = "MB", description = "Quota hard level in MB.")
    Long quotaHard;

    @Option(names = "--udqo", paramLabel = "y|n", description = "Override the user default quota of a company.")
    String userDefaultQuotaOverride;

    @Option(names = "--udqw", paramLabel = "MB", description = "User default quota warning level in MB.")
    Long userDefaultQuotaWarn;

    @Option(names = "--udqs", paramLabel = "MB", description = "User default quota soft level in MB.")
    Long userDefaultQuotaSoft;

    @Option(names = "--udqh", paramLabel = "MB", description = "User default quota hard level in MB.")
    Long userDefaultQuotaHard;

    @Option(names = "--add-sendas", paramLabel = "USER", description = "Allow USER to send as the user given with -u.")
    String addSendAs;

    @Option(names = "--del-sendas", paramLabel = "USER",
            description = "Disallow USER to send as the user given with -u.")
    String delSendAs;

    @Option(names = "--enable-feature", paramLabel = "imap|pop3",
            description = "Enable a feature for the user (manual 8.7).")
    String enableFeature;

    @Option(names = "--disable-feature", paramLabel = "imap|pop3",
            description = "Disable a feature for the user (manual 8.7).")
    String disableFeature;

    @Option(names = "--mr-accept", paramLabel = "0|1|y|n",
            description = "Answer meeting requests automatically, e.g. for a room (manual 8.8).")
    String mrAccept;

    @Option(names = "--mr-decline-conflict", paramLabel = "0|1|y|n",
            description = "With --mr-accept, decline meeting requests that conflict with a meeting (manual 8.8).")
    String mrDeclineConflict;

    @Option(names = "--mr-decline-recurring", paramLabel = "0|1|y|n",
            description = "With --mr-accept, decline recurring meeting requests (manual 8.8).")
    String mrDeclineRecurring;

    @Option(names = "-i", paramLabel = "GROUP", description = "Group for -b and -B.")
    String group;

    @Option(names = "-I", paramLabel = "COMPANY", description = "Company.")
    String company;

    // ---- global ---------------------------------------------------------------------------

    @Option(names = {"-h", "--host"}, paramLabel = "URL", description = "Server URL, e.g. http://localhost:236/zarafa.")
    String host;

    @Option(names = "--config", paramLabel = "FILE", description = "admin.cfg to use (default /etc/zarafa/admin.cfg).")
    Path config;

    @Option(names = "-v", description = "Be verbose: show how the server is reached.")
    boolean[] verbose = new boolean[0];

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version.")
    boolean version;

    @Option(names = "--help", usageHelp = true, description = "Show this help.")
    boolean help;

    boolean verbose() {
        return verbose.length > 0;
    }
}
