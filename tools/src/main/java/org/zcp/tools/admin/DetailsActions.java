package org.zcp.tools.admin;

import static org.zcp.tools.admin.OutputFormat.field;
import static org.zcp.tools.admin.OutputFormat.quotaLevel;
import static org.zcp.tools.admin.OutputFormat.size;
import static org.zcp.tools.admin.OutputFormat.yesNo;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.zcp.api.soap.CompanyDetails;
import org.zcp.api.soap.GroupDetails;
import org.zcp.api.soap.MapiException;
import org.zcp.api.soap.QuotaStatus;
import org.zcp.api.soap.UserDetails;

/** --details NAME [--type user|group|company] in the manual's layout (6.2.6, 8.2, 8.8). */
final class DetailsActions {
    private DetailsActions() {
    }

    static Action details(AdminOptions o) throws AdminException {
        String type = o.type == null ? "user" : o.type.strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "user" -> new Action("show user details", ctx -> user(ctx, o.details));
            case "group" -> new Action("show group details", ctx -> group(ctx, o.details));
            case "company" -> new Action("show company details", ctx -> company(ctx, o.details));
            default -> throw new AdminException(
                    "Unknown object type \"" + o.type + "\" (expected user, group or company).");
        };
    }

    private static void user(AdminContext ctx, String name) throws MapiException {
        UserDetails u = ctx.cmd().getUser(ctx.session(), name);
        QuotaStatus q = quotaStatus(ctx, u);
        PrintStream out = ctx.out();
        out.println(field("Username:", u.userName));
        out.println(field("Fullname:", u.fullName));
        out.println(field("Emailaddress:", u.email));
        out.println(field("Active:", yesNo(!Boolean.FALSE.equals(u.active))));
        String resource = resourceType(u.resourceType);
        if (resource != null) {
            out.println(field("Non-active type:", resource));
            out.println(field("Resource capacity:", u.resourceCapacity == null ? 1 : u.resourceCapacity));
        }
        out.println(field("Administrator:", adminLevel(u.adminLevel)));
        out.println(field("Address book:", Boolean.TRUE.equals(u.hidden) ? "Hidden" : "Visible"));
        meetingRequests(out, u);
        if (u.lastLogon != null && u.lastLogon > 0) {
            out.println(field("Last logon:", OutputFormat.logonTime(u.lastLogon)));
        }
        if (u.lastLogoff != null && u.lastLogoff > 0) {
            out.println(field("Last logoff:", OutputFormat.logonTime(u.lastLogoff)));
        }
        out.println(field("Quota overrides:", yesNo(Boolean.TRUE.equals(u.quotaOverride))));
        // The levels in force: the user's own with overrides, else the company's or server's defaults.
        out.println(field("Warning level:", quotaLevel(q != null ? Long.valueOf(q.warn) : u.quotaWarn)));
        out.println(field("Soft level:", quotaLevel(q != null ? Long.valueOf(q.soft) : u.quotaSoft)));
        out.println(field("Hard level:", quotaLevel(q != null ? Long.valueOf(q.hard) : u.quotaHard)));
        Long storeSize = u.storeSize != null ? u.storeSize : q != null ? Long.valueOf(q.storeSize) : null;
        if (storeSize != null) {
            out.println(field("Current store size:", size(storeSize)));
        }
        features(out, "Features (enabled):", u.enabledFeatures);
        features(out, "Features (disabled):", u.disabledFeatures);
        if (u.groups != null && !u.groups.isEmpty()) {
            out.println("Groups (" + u.groups.size() + "):");
            u.groups.forEach(g -> out.println(Table.INDENT + g));
        }
    }

    /** "Room" or "Equipment", as the original names the object class; null for other users. */
    private static String resourceType(String type) {
        if (type == null) {
            return null;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "room" -> "Room";
            case "equipment" -> "Equipment";
            default -> null;
        };
    }

    /**
     * Manual 8.8, byte for byte as the original (scripts such as yaffas parse these lines): no
     * space after "Auto-accept meeting req:", a tab after the two decline labels, which only
     * show when auto-accept is on. Nothing for a user without a store.
     */
    private static void meetingRequests(PrintStream out, UserDetails u) {
        if (u.mrAccept == null) {
            return;
        }
        out.println("Auto-accept meeting req:" + yesNo(u.mrAccept));
        if (u.mrAccept) {
            out.println("Decline dbl meetingreq:\t" + yesNo(Boolean.TRUE.equals(u.mrDeclineConflict)));
            out.println("Decline recur meet.req:\t" + yesNo(Boolean.TRUE.equals(u.mrDeclineRecurring)));
        }
    }

    /** The store's quota state, or null for a user without a store. */
    private static QuotaStatus quotaStatus(AdminContext ctx, UserDetails u) {
        if (Boolean.FALSE.equals(u.hasStore)) {
            return null;
        }
        try {
            return ctx.cmd().getQuotaStatus(ctx.session(), u.userName);
        } catch (MapiException e) {
            return null;
        }
    }

    private static void group(AdminContext ctx, String name) throws MapiException {
        GroupDetails g = ctx.cmd().getGroup(ctx.session(), name);
        List<UserDetails> members = Values.list(ctx.cmd().getUserListOfGroup(ctx.session(), name));
        PrintStream out = ctx.out();
        out.println(field("Groupname:", g.groupName));
        out.println(field("Fullname:", g.fullName));
        out.println(field("Emailaddress:", g.email));
        out.println(field("Address book:", Boolean.TRUE.equals(g.hidden) ? "Hidden" : "Visible"));
        if (!members.isEmpty()) {
            out.println("Users (" + members.size() + "):");
            // Homeserver stays empty: this server is not a multi-server node (manual 6.3).
            Table t = new Table("Username", "Fullname", "Homeserver");
            members.forEach(m -> t.row(m.userName, m.fullName, ""));
            t.print(out);
        }
    }

    private static void company(AdminContext ctx, String name) throws MapiException {
        CompanyDetails c = ctx.cmd().getCompany(ctx.session(), name);
        PrintStream out = ctx.out();
        out.println(field("Companyname:", c.companyName));
        out.println(field("Sysadmin:", c.adminName));
        // A company only has a warning level (manual 6.2.5).
        out.println(field("Quota overrides:", yesNo(Boolean.TRUE.equals(c.quotaOverride))));
        out.println(field("Warning level:", quotaLevel(c.quotaWarn)));
        out.println(field("User quota overrides:", yesNo(Boolean.TRUE.equals(c.userDefaultQuotaOverride))));
        out.println(field("User warning level:", quotaLevel(c.userDefaultQuotaWarn)));
        out.println(field("User soft level:", quotaLevel(c.userDefaultQuotaSoft)));
        out.println(field("User hard level:", quotaLevel(c.userDefaultQuotaHard)));
        if (c.storeSize != null) {
            out.println(field("Current store size:", size(c.storeSize)));
        }
        List<UserDetails> admins = orEmpty(() -> ctx.cmd().getRemoteAdminList(ctx.session(), name));
        if (!admins.isEmpty()) {
            out.println("Remote admins (" + admins.size() + "):");
            UserActions.userTable(admins).print(out);
        }
        List<CompanyDetails> viewers = orEmpty(() -> ctx.cmd().getRemoteViewList(ctx.session(), name));
        if (!viewers.isEmpty()) {
            out.println("Remote viewers (" + viewers.size() + "):");
            viewers.forEach(v -> out.println(Table.INDENT + v.companyName));
        }
    }

    private static String adminLevel(Integer level) {
        if (level == null || level <= 0) {
            return "no";
        }
        return level >= 2 ? "yes (system)" : "yes";
    }

    private static void features(PrintStream out, String label, List<String> features) {
        if (features != null && !features.isEmpty()) {
            out.println(field(label, String.join(", ", features)));
        }
    }

    private interface ListCall<T> {
        List<T> get() throws MapiException;
    }

    /** The remote lists are extras: not showing them is better than failing the whole command. */
    private static <T> List<T> orEmpty(ListCall<T> call) {
        try {
            List<T> list = call.get();
            return list == null ? List.of() : list;
        } catch (MapiException e) {
            return List.of();
        }
    }
}
