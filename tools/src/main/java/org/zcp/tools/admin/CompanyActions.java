package org.zcp.tools.admin;

import java.util.ArrayList;
import java.util.List;
import org.zcp.api.soap.CompanyDetails;
import org.zcp.api.soap.MapiException;
import org.zcp.api.soap.UserDetails;

/** Tenants (manual 6.2.3, 6.2.5, 6.2.6): only with enable_hosted_zarafa and the DB plugin. */
final class CompanyActions {
    private CompanyActions() {
    }

    /** The companies a listing covers; "Default" stands for the one space of a non-hosted server. */
    record Scope(String company, String label) {
    }

    static List<Scope> scopes(AdminContext ctx, String company) {
        if (company != null) {
            return List.of(new Scope(company, company));
        }
        List<CompanyDetails> companies;
        try {
            companies = ctx.cmd().getCompanyList(ctx.session());
        } catch (MapiException e) {
            companies = List.of(); // not hosted: the server has no companies
        }
        if (companies == null || companies.isEmpty()) {
            return List.of(new Scope(null, "Default"));
        }
        return companies.stream().map(c -> new Scope(c.companyName, c.companyName)).toList();
    }

    static Action create(AdminOptions o) throws AdminException {
        CompanyDetails c = quota(o, "create company");
        c.companyName = o.createCompany;
        return new Action("create company", ctx -> {
            ctx.cmd().createCompany(ctx.session(), c);
            ctx.out().println("Company created.");
        });
    }

    static Action delete(AdminOptions o) {
        return new Action("delete company", ctx -> {
            ctx.cmd().deleteCompany(ctx.session(), o.deleteCompany);
            ctx.out().println("Company deleted.");
        });
    }

    /** --update-company / --set-company: quota of the company and default quota of its users (6.2.5). */
    static Action update(AdminOptions o) throws AdminException {
        CompanyDetails c = quota(o, "update company");
        if (c.quotaOverride == null && c.quotaWarn == null && c.userDefaultQuotaOverride == null
                && c.userDefaultQuotaWarn == null && c.userDefaultQuotaSoft == null && c.userDefaultQuotaHard == null) {
            throw new AdminException("Missing information to update company (e.g. --qo, --qw, --udqo, see --help).");
        }
        return new Action("update company", ctx -> {
            ctx.cmd().setCompany(ctx.session(), o.updateCompany, c);
            ctx.out().println("Company information updated.");
        });
    }

    /** --set-system-admin USER -I COMPANY: the company's administrator user (grants no rights by itself). */
    static Action setSystemAdmin(AdminOptions o) throws AdminException {
        requireCompany(o);
        return new Action("set system administrator", ctx -> {
            CompanyDetails c = new CompanyDetails();
            c.adminName = o.setSystemAdmin;
            ctx.cmd().setCompany(ctx.session(), o.company, c);
            ctx.out().println("System administrator of " + o.company + " set to " + o.setSystemAdmin + ".");
        });
    }

    static Action list() {
        return new Action("list companies", ctx -> {
            List<CompanyDetails> companies = Values.list(ctx.cmd().getCompanyList(ctx.session()));
            ctx.out().println("Company list (" + companies.size() + "):");
            Table t = new Table("Companyname", "System administrator");
            companies.forEach(c -> t.row(c.companyName, c.adminName));
            t.print(ctx.out());
        });
    }

    /** --add-view VIEWER -I COMPANY: VIEWER's users may see COMPANY's address book (6.2.3). */
    static Action addView(AdminOptions o) throws AdminException {
        requireCompany(o);
        return new Action("add company to the remote-view list", ctx -> {
            ctx.cmd().addCompanyToRemoteViewList(ctx.session(), o.addView, o.company);
            ctx.out().println("Company " + o.addView + " added to the remote-view list of " + o.company + ".");
        });
    }

    static Action delView(AdminOptions o) throws AdminException {
        requireCompany(o);
        return new Action("remove company from the remote-view list", ctx -> {
            ctx.cmd().delCompanyFromRemoteViewList(ctx.session(), o.delView, o.company);
            ctx.out().println("Company " + o.delView + " removed from the remote-view list of " + o.company + ".");
        });
    }

    static Action listView(AdminOptions o) throws AdminException {
        requireCompany(o);
        return new Action("list the remote-view list", ctx -> {
            List<CompanyDetails> viewers = Values.list(ctx.cmd().getRemoteViewList(ctx.session(), o.company));
            ctx.out().println("Remote-view list (" + viewers.size() + ") for company " + o.company + ":");
            Table t = new Table("Companyname");
            viewers.forEach(c -> t.row(c.companyName));
            t.print(ctx.out());
        });
    }

    /** --add-admin USER -I COMPANY: USER administers COMPANY (6.2.3). */
    static Action addAdmin(AdminOptions o) throws AdminException {
        requireCompany(o);
        return new Action("add user to the remote-admin list", ctx -> {
            ctx.cmd().addUserToRemoteAdminList(ctx.session(), o.addAdmin, o.company);
            ctx.out().println("User " + o.addAdmin + " added to the remote-admin list of " + o.company + ".");
        });
    }

    static Action delAdmin(AdminOptions o) throws AdminException {
        requireCompany(o);
        return new Action("remove user from the remote-admin list", ctx -> {
            ctx.cmd().delUserFromRemoteAdminList(ctx.session(), o.delAdmin, o.company);
            ctx.out().println("User " + o.delAdmin + " removed from the remote-admin list of " + o.company + ".");
        });
    }

    static Action listAdmin(AdminOptions o) throws AdminException {
        requireCompany(o);
        return new Action("list the remote-admin list", ctx -> {
            List<UserDetails> admins = Values.list(ctx.cmd().getRemoteAdminList(ctx.session(), o.company));
            ctx.out().println("Remote-admin list (" + admins.size() + ") for company " + o.company + ":");
            UserActions.userTable(admins).print(ctx.out());
        });
    }

    /**
     * --qo/--qw for the company and --udqo/--udqw/--udqs/--udqh for its users' default (6.2.5);
     * turning an override on needs its levels, as in the original.
     */
    private static CompanyDetails quota(AdminOptions o, String what) throws AdminException {
        CompanyDetails c = new CompanyDetails();
        c.quotaOverride = Values.yesNo("--qo", o.quotaOverride);
        c.quotaWarn = Values.megabytes("--qw", o.quotaWarn);
        c.userDefaultQuotaOverride = Values.yesNo("--udqo", o.userDefaultQuotaOverride);
        c.userDefaultQuotaWarn = Values.megabytes("--udqw", o.userDefaultQuotaWarn);
        c.userDefaultQuotaSoft = Values.megabytes("--udqs", o.userDefaultQuotaSoft);
        c.userDefaultQuotaHard = Values.megabytes("--udqh", o.userDefaultQuotaHard);
        List<String> missing = new ArrayList<>();
        if (Boolean.TRUE.equals(c.quotaOverride) && c.quotaWarn == null) {
            missing.add("warning level (--qw)");
        }
        if (Boolean.TRUE.equals(c.userDefaultQuotaOverride)) {
            if (c.userDefaultQuotaWarn == null) {
                missing.add("user default warning level (--udqw)");
            }
            if (c.userDefaultQuotaSoft == null) {
                missing.add("user default soft level (--udqs)");
            }
            if (c.userDefaultQuotaHard == null) {
                missing.add("user default hard level (--udqh)");
            }
        }
        if (!missing.isEmpty()) {
            throw new AdminException("Missing quota levels to " + what + ": " + String.join(", ", missing) + ".");
        }
        return c;
    }

    private static void requireCompany(AdminOptions o) throws AdminException {
        if (o.company == null) {
            throw new AdminException("Missing company name (-I) to perform this action.");
        }
    }
}
