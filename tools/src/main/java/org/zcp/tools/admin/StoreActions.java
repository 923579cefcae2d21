package org.zcp.tools.admin;

import org.zcp.api.soap.OrphanReport;
import org.zcp.api.soap.OrphanStore;

/** -s, --list-orphans, --remove-store, --hook-store, --unhook-store, --purge-softdelete (manual 6.2.2.5, 8.1, 8.2). */
final class StoreActions {
    private StoreActions() {
    }

    /** -s [-I COMPANY]: without -I the single-tenancy public store (manual 6.2.2.5). */
    static Action createPublic(AdminOptions o) {
        return new Action("create public store", ctx -> {
            ctx.cmd().createPublicStore(ctx.session(), o.company);
            ctx.out().println("Public store created.");
        });
    }

    /** --list-orphans: the two tables of manual 8.2. */
    static Action listOrphans() {
        return new Action("list orphaned stores", ctx -> {
            OrphanReport report = ctx.cmd().listOrphans(ctx.session());
            ctx.out().println("Stores without users:");
            Table stores = new Table("Store guid", "Guessed username", "Last modified", "Store size")
                    .fixedWidth(2, 18).rule(95);
            for (OrphanStore s : Values.list(report.stores)) {
                stores.row(s.guid, s.guessedUserName == null ? "<unknown>" : s.guessedUserName,
                        s.lastModified > 0 ? OutputFormat.orphanTime(s.lastModified) : "",
                        Math.round(s.size / 1024.0) + "KB");
            }
            stores.print(ctx.out());
            ctx.out().println();
            ctx.out().println("Users without stores:");
            Table users = new Table("Username");
            Values.list(report.usersWithoutStore).forEach(users::row);
            users.print(ctx.out());
        });
    }

    /** --remove-store GUID: irreversible (manual 8.2). */
    static Action remove(AdminOptions o) {
        return new Action("remove store", ctx -> {
            ctx.cmd().removeStore(ctx.session(), o.removeStore);
            ctx.out().println("Store removed.");
        });
    }

    /** --hook-store GUID -u USER: a store the user had is orphaned in turn (manual 8.2). */
    static Action hook(AdminOptions o) throws AdminException {
        if (o.updateUser == null) {
            throw new AdminException("Missing information to hook store: username (-u).");
        }
        return new Action("hook store", ctx -> {
            ctx.cmd().hookStore(ctx.session(), o.hookStore, o.updateUser);
            ctx.out().println("Store hooked.");
        });
    }

    static Action unhook(AdminOptions o) {
        return new Action("unhook store", ctx -> {
            ctx.cmd().unhookStore(ctx.session(), o.unhookStore);
            ctx.out().println("Store unhooked.");
        });
    }

    static Action purgeSoftDelete(AdminOptions o) throws AdminException {
        if (o.purgeSoftDelete < 0) {
            throw new AdminException("Invalid value for --purge-softdelete: '" + o.purgeSoftDelete
                    + "' (expected a number of days).");
        }
        return new Action("purge soft-deleted items", ctx -> {
            int purged = ctx.cmd().purgeSoftDelete(ctx.session(), o.purgeSoftDelete);
            ctx.out().println("Softdelete purged: " + purged + " objects.");
        });
    }
}
