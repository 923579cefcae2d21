package org.zcp.tools.admin;

import java.util.ArrayList;
import java.util.List;
import org.zcp.api.soap.UserDetails;

/** -c, -u, -d, -l and --list-sendas (manual 8.2, 8.3, 8.7, 8.8). */
final class UserActions {
    private UserActions() {
    }

    /** -c USER: the original requires a password (unless non-active), -e and -f (manual 8.3.1, 8.3.2). */
    static Action create(AdminOptions o) throws AdminException {
        onePasswordSource(o);
        boolean nonActive = Boolean.TRUE.equals(Values.yesNo("-n", o.nonActive));
        List<String> missing = new ArrayList<>();
        if (o.password == null && !o.promptPassword && !nonActive) {
            missing.add("password (-p or -P)");
        }
        if (o.email == null) {
            missing.add("email address (-e)");
        }
        if (o.fullName == null) {
            missing.add("full name (-f)");
        }
        if (!missing.isEmpty()) {
            throw new AdminException("Missing information to create user: " + String.join(", ", missing) + ".");
        }
        Quota quota = Quota.of(o);
        if (Boolean.TRUE.equals(quota.override()) && !quota.complete()) {
            throw new AdminException("Missing quota levels to create user: " + quota.missing() + ".");
        }
        Integer admin = Values.adminLevel(o.admin);
        return new Action("create user", ctx -> {
            UserDetails u = new UserDetails();
            u.userName = o.createUser;
            u.password = Values.password(o, ctx);
            u.email = o.email;
            u.fullName = o.fullName;
            u.active = !nonActive;
            u.adminLevel = admin == null ? 0 : admin;
            u.company = o.company;
            quota.applyTo(u);
            ctx.cmd().createUser(ctx.session(), u);
            ctx.out().println("User created.");
        });
    }

    /**
     * -u USER: only the given attributes change (manual 8.3.3); send-as (8.3.5), features (8.7) and
     * how the store answers meeting requests (8.8).
     */
    static Action update(AdminOptions o) throws AdminException {
        onePasswordSource(o);
        if (o.addSendAs != null && o.delSendAs != null) {
            throw new AdminException("Use either --add-sendas or --del-sendas, not both.");
        }
        if (o.enableFeature != null && o.disableFeature != null) {
            throw new AdminException("Only one feature can be enabled or disabled at a time.");
        }
        Boolean nonActive = Values.yesNo("-n", o.nonActive);
        Integer admin = Values.adminLevel(o.admin);
        Quota quota = Quota.of(o);
        Boolean mrAccept = Values.yesNo("--mr-accept", o.mrAccept);
        Boolean mrDeclineConflict = Values.yesNo("--mr-decline-conflict", o.mrDeclineConflict);
        Boolean mrDeclineRecurring = Values.yesNo("--mr-decline-recurring", o.mrDeclineRecurring);
        String feature = o.enableFeature != null ? Values.feature("--enable-feature", o.enableFeature)
                : Values.feature("--disable-feature", o.disableFeature);
        boolean attributes = o.newUserName != null || o.password != null || o.promptPassword || o.email != null
                || o.fullName != null || admin != null || nonActive != null || quota.any()
                || mrAccept != null || mrDeclineConflict != null || mrDeclineRecurring != null;
        if (!attributes && feature == null && o.addSendAs == null && o.delSendAs == null) {
            throw new AdminException("Missing information to update user (e.g. password, quota, see --help).");
        }
        return new Action("update user", ctx -> {
            String name = o.updateUser;
            if (attributes) {
                UserDetails u = new UserDetails();
                u.groups = null;
                u.enabledFeatures = null;
                u.disabledFeatures = null;
                u.userName = o.newUserName;
                u.password = Values.password(o, ctx);
                u.email = o.email;
                u.fullName = o.fullName;
                u.adminLevel = admin;
                u.active = nonActive == null ? null : !nonActive;
                quota.applyTo(u);
                u.mrAccept = mrAccept;
                u.mrDeclineConflict = mrDeclineConflict;
                u.mrDeclineRecurring = mrDeclineRecurring;
                ctx.cmd().setUser(ctx.session(), name, u);
                if (o.newUserName != null) {
                    name = o.newUserName;
                }
            }
            String user = name;
            if (feature != null) {
                boolean enable = o.enableFeature != null;
                AdminException.during("update features of user " + user,
                        () -> ctx.cmd().setUserFeature(ctx.session(), user, feature, enable));
            }
            if (o.addSendAs != null) {
                AdminException.during("add " + o.addSendAs + " to the send-as list of " + user,
                        () -> ctx.cmd().addSendAsUser(ctx.session(), user, o.addSendAs));
            } else if (o.delSendAs != null) {
                AdminException.during("remove " + o.delSendAs + " from the send-as list of " + user,
                        () -> ctx.cmd().delSendAsUser(ctx.session(), user, o.delSendAs));
            }
            ctx.out().println("User information updated.");
        });
    }

    static Action delete(AdminOptions o) {
        return new Action("delete user", ctx -> {
            ctx.cmd().deleteUser(ctx.session(), o.deleteUser);
            ctx.out().println("User deleted.");
        });
    }

    /** -l: "User list for Default(N):", per company in hosted mode (manual 6.2.2.4, 8.2). */
    static Action list(AdminOptions o) {
        return new Action("list users", ctx -> {
            for (CompanyActions.Scope scope : CompanyActions.scopes(ctx, o.company)) {
                List<UserDetails> users = Values.list(ctx.cmd().getUserList(ctx.session(), scope.company()));
                ctx.out().println("User list for " + scope.label() + "(" + users.size() + "):");
                userTable(users).print(ctx.out());
                ctx.out().println();
            }
        });
    }

    /** --list-sendas USER: who may send as USER (manual 8.3.5). */
    static Action listSendAs(AdminOptions o) {
        return new Action("list send-as users", ctx -> {
            List<UserDetails> users = Values.list(ctx.cmd().getSendAsList(ctx.session(), o.listSendAs));
            ctx.out().println("Send-as list (" + users.size() + ") for user " + o.listSendAs + ":");
            userTable(users).print(ctx.out());
        });
    }

    static Table userTable(List<UserDetails> users) {
        Table t = new Table("Username", "Fullname");
        for (UserDetails u : users) {
            t.row(u.userName, u.fullName);
        }
        return t;
    }

    private static void onePasswordSource(AdminOptions o) throws AdminException {
        if (o.password != null && o.promptPassword) {
            throw new AdminException("Use either -p or -P, not both.");
        }
    }

    /** --sync (manual 8.5.1): the server reads the whole directory; its report is printed. */
    static Action sync() {
        return new Action("synchronise the directory", ctx -> {
            for (String line : Values.list(ctx.cmd().syncDirectory(ctx.session()))) ctx.out().println(line);
        });
    }
}
