package org.zcp.tools.admin;

import java.util.List;
import org.zcp.api.soap.GroupDetails;

/** -g, --update-group, -G, -L, -b and -B (manual 8.3.6). */
final class GroupActions {
    private GroupActions() {
    }

    /** -g GROUP [-e EMAIL] [-f FULLNAME]: the full name defaults to the group name, as in the original. */
    static Action create(AdminOptions o) {
        return new Action("create group", ctx -> {
            GroupDetails g = new GroupDetails();
            g.groupName = o.createGroup;
            g.fullName = o.fullName != null ? o.fullName : o.createGroup;
            g.email = o.email;
            g.company = o.company;
            ctx.cmd().createGroup(ctx.session(), g);
            ctx.out().println("Group created.");
        });
    }

    static Action update(AdminOptions o) throws AdminException {
        if (o.email == null && o.fullName == null) {
            throw new AdminException("Missing information to update group: email address (-e) or full name (-f).");
        }
        return new Action("update group", ctx -> {
            GroupDetails g = new GroupDetails();
            g.email = o.email;
            g.fullName = o.fullName;
            ctx.cmd().setGroup(ctx.session(), o.updateGroup, g);
            ctx.out().println("Group information updated.");
        });
    }

    static Action delete(AdminOptions o) {
        return new Action("delete group", ctx -> {
            ctx.cmd().deleteGroup(ctx.session(), o.deleteGroup);
            ctx.out().println("Group deleted.");
        });
    }

    /** -L: "Group list for Default(N):", per company in hosted mode. */
    static Action list(AdminOptions o) {
        return new Action("list groups", ctx -> {
            for (CompanyActions.Scope scope : CompanyActions.scopes(ctx, o.company)) {
                List<GroupDetails> groups = Values.list(ctx.cmd().getGroupList(ctx.session(), scope.company()));
                ctx.out().println("Group list for " + scope.label() + "(" + groups.size() + "):");
                Table t = new Table("Groupname");
                groups.forEach(g -> t.row(g.groupName));
                t.print(ctx.out());
                ctx.out().println();
            }
        });
    }

    /** -b USER -i GROUP. */
    static Action addMember(AdminOptions o) throws AdminException {
        requireGroup(o, "add user to group");
        return new Action("add user to group", ctx -> {
            ctx.cmd().addGroupUser(ctx.session(), o.group, o.addToGroup);
            ctx.out().println("User added to group.");
        });
    }

    /** -B USER -i GROUP. */
    static Action removeMember(AdminOptions o) throws AdminException {
        requireGroup(o, "remove user from group");
        return new Action("remove user from group", ctx -> {
            ctx.cmd().deleteGroupUser(ctx.session(), o.group, o.removeFromGroup);
            ctx.out().println("User removed from group.");
        });
    }

    private static void requireGroup(AdminOptions o, String what) throws AdminException {
        if (o.group == null) {
            throw new AdminException("Missing information to " + what + ": group name (-i).");
        }
    }
}
