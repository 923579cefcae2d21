package org.zcp.itests.matrix;

import static org.zcp.itests.matrix.Probe.allow;
import static org.zcp.itests.matrix.Probe.call;
import static org.zcp.itests.matrix.Probe.op;

import jakarta.activation.DataHandler;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.zcp.api.soap.CompanyDetails;
import org.zcp.api.soap.GroupDetails;
import org.zcp.api.soap.MapiException;
import org.zcp.api.soap.UserDetails;
import org.zcp.itests.ItServer;

/**
 * Probes of the session rows and of the administrative rows (what zarafa-admin and
 * zarafa-archiver do over SOAP): stores, archives, delivery, quota, users, groups, companies.
 * Everything an allowed call changes on a shared object is put back by the cleanup.
 */
final class AdminProbes {
    private AdminProbes() {
    }

    static void register(Map<String, Probe> p) {
        session(p);
        stores(p);
        users(p);
        groups(p);
        companies(p);
    }

    private static void session(Map<String, Probe> p) {
        p.put("logon/self", call(c -> c.c.logoff(c.c.logon(c.login(), c.password(), null, "matrix").sessionId)));
        p.put("logon/name-case", call(c -> c.c.logoff(c.c.logon(MatrixWorld.otherCase(c.login()), c.password(), null,
                "matrix").sessionId)));
        p.put("logon/impersonate-victim", call(c -> c.c.logoff(c.c.logon(c.login(), c.password(), c.w.victim(),
                "matrix").sessionId)));
        p.put("logon/impersonate-sysadmin", call(c -> c.c.logoff(c.c.logon(c.login(), c.password(), c.w.root2,
                "matrix").sessionId)));
        p.put("localAdminLogon/wrong-token", call(c -> c.c.localAdminLogon(System.getProperty("user.name"),
                "not-the-token-" + c.role.column, "matrix")));
        p.put("logoff/own-session", call(c -> c.c.logoff(c.c.logon(c.login(), c.password(), null, "matrix").sessionId)));
    }

    private static void stores(Map<String, Probe> p) {
        p.put("getStore/victim", call(c -> c.c.getStore(c.sid(), c.w.victim())));
        p.put("getPublicStore/own-company", call(c -> c.c.getPublicStore(c.sid(), null)));
        p.put("getPublicStore/victim-company", call(c -> c.c.getPublicStore(c.sid(), c.w.victimCompany)));
        p.put("createPublicStore/victim-company", call(c -> c.c.createPublicStore(c.sid(), c.w.victimCompany)));
        p.put("createPublicStore/single", call(c -> c.c.createPublicStore(c.sid(), null)));
        p.put("createStore/victim", call(c -> c.c.createStore(c.sid(), c.w.victim())));
        p.put("listOrphans/-", call(c -> c.c.listOrphans(c.sid())));
        p.put("removeStore/unknown-guid", call(c -> c.c.removeStore(c.sid(),
                UUID.randomUUID().toString().replace("-", "").toUpperCase())));
        p.put("hookStore/victim-store", call(c -> c.c.hookStore(c.sid(), c.w.victimStore.guid, c.w.bystander)));
        p.put("unhookStore/fresh-user", c -> {
            String u = c.w.newUser("unhook", c.w.victimCompany, null, null, null);
            return allow(x -> x.c.unhookStore(x.sid(), u), c);
        });
        p.put("attachArchive/victim", c -> new Probe.Prepared(() -> {
            c.c.attachArchive(c.sid(), c.w.victim(), c.w.archiveUser, c.w.unique("arch"));
            return "allow";
        }, () -> detachIfAttached(c)));
        p.put("detachArchive/victim", c -> {
            c.c.attachArchive(c.w.admin, c.w.victim(), c.w.archiveUser, c.w.unique("arch"));
            return new Probe.Prepared(() -> {
                c.c.detachArchive(c.sid(), c.w.victim(), c.w.archiveUser);
                return "allow";
            }, () -> detachIfAttached(c));
        });
        p.put("listArchives/victim", call(c -> c.c.listArchives(c.sid(), c.w.victim())));
        p.put("deliverMessage/victim", call(c -> c.c.deliverMessage(c.sid(), c.w.victim(), "sender@example.org",
                new DataHandler(new ByteArrayDataSource(("From: sender@example.org\r\nSubject: via SOAP\r\n\r\nhi\r\n")
                        .getBytes(StandardCharsets.US_ASCII), "message/rfc822")), null, false, false)));
        p.put("getQuotaStatus/victim", call(c -> c.c.getQuotaStatus(c.sid(), c.w.victim())));
        p.put("purgeSoftDelete/-", call(c -> c.c.purgeSoftDelete(c.sid(), 3650)));
        p.put("syncDirectory/-", call(c -> c.c.syncDirectory(c.sid())));
    }

    private static void detachIfAttached(Cell c) throws MapiException {
        if (c.c.listArchives(c.w.admin, c.w.victim()).stream().anyMatch(a -> c.w.archiveUser.equals(a.archiveUser))) {
            c.c.detachArchive(c.w.admin, c.w.victim(), c.w.archiveUser);
        }
    }

    private static void users(Map<String, Probe> p) {
        p.put("createUser/victim-company", call(c -> c.c.createUser(c.sid(), details(c, null))));
        p.put("createUser/level-2", call(c -> c.c.createUser(c.sid(), details(c, 2))));
        p.put("setUser/plain-user", call(c -> {
            UserDetails u = new UserDetails();
            u.fullName = "Renamed by " + c.role.column;
            c.c.setUser(c.sid(), c.w.targetUser, u);
        }));
        // #3: the same password again, so an allowed call changes nothing
        p.put("setUser/sysadmin-password", call(c -> {
            UserDetails u = new UserDetails();
            u.password = MatrixWorld.passwordOf(c.w.root2);
            c.c.setUser(c.sid(), c.w.root2, u);
        }));
        p.put("setUser/quota-override", c -> new Probe.Prepared(() -> {
            UserDetails u = new UserDetails();
            u.quotaOverride = true;
            u.quotaWarn = 0L;
            u.quotaSoft = 0L;
            u.quotaHard = 0L;
            c.c.setUser(c.sid(), c.w.targetUser, u);
            return "allow";
        }, () -> {
            UserDetails u = new UserDetails();
            u.quotaOverride = false;
            c.c.setUser(c.w.admin, c.w.targetUser, u);
        }));
        p.put("setUser/level-2", c -> new Probe.Prepared(() -> {
            UserDetails u = new UserDetails();
            u.adminLevel = 2;
            c.c.setUser(c.sid(), c.w.targetUser, u);
            return "allow";
        }, () -> {
            UserDetails u = new UserDetails();
            u.adminLevel = 0;
            c.c.setUser(c.w.admin, c.w.targetUser, u);
        }));
        // #25: 'filtered' = no last logon and no store size of another user
        p.put("getUser/victim", c -> op(() -> {
            UserDetails u = c.c.getUser(c.sid(), c.w.victim());
            return u.lastLogon != null || u.storeSize != null ? "allow" : "filtered";
        }));
        p.put("getUserList/own-company", c -> op(() -> userList(c, null)));
        p.put("getUserList/victim-company", c -> op(() -> userList(c, c.w.victimCompany)));
        p.put("deleteUser/fresh-user", c -> {
            String u = c.w.newUser("gone", c.w.victimCompany, null, null, null);
            return allow(x -> x.c.deleteUser(x.sid(), u), c);
        });
        p.put("deleteUser/fresh-sysadmin", c -> {
            String u = c.w.newUser("rootgone", c.w.victimCompany, 2, null, null);
            return allow(x -> x.c.deleteUser(x.sid(), u), c);
        });
        p.put("setUserFeature/victim-imap", call(c -> c.c.setUserFeature(c.sid(), c.w.victim(), "imap", true)));
        p.put("getSendAsList/victim", call(c -> c.c.getSendAsList(c.sid(), c.w.victim())));
        p.put("addSendAsUser/victim", c -> {
            removeSendAs(c);
            return new Probe.Prepared(() -> {
                c.c.addSendAsUser(c.sid(), c.w.victim(), c.w.bystander);
                return "allow";
            }, () -> removeSendAs(c));
        });
        p.put("delSendAsUser/victim", c -> {
            removeSendAs(c);
            c.c.addSendAsUser(c.w.admin, c.w.victim(), c.w.bystander);
            return new Probe.Prepared(() -> {
                c.c.delSendAsUser(c.sid(), c.w.victim(), c.w.bystander);
                return "allow";
            }, () -> removeSendAs(c));
        });
    }

    private static UserDetails details(Cell c, Integer adminLevel) {
        String name = c.w.unique("hired");
        UserDetails u = new UserDetails();
        u.userName = c.w.victimCompany == null ? name : name + "@" + c.w.victimCompany;
        u.password = "pw-" + name;
        u.email = name + "@matrix.example.com";
        u.adminLevel = adminLevel;
        return u;
    }

    /** #25: 'filtered' = no hidden user and no other user's last logon or store size in the list. */
    private static String userList(Cell c, String company) throws MapiException {
        String me = c.login();
        boolean disclosed = false;
        for (UserDetails u : c.c.getUserList(c.sid(), company)) {
            if (u.userName.equals(c.w.hiddenUser)) disclosed = true;
            if (!u.userName.equals(me) && (u.lastLogon != null || u.storeSize != null)) disclosed = true;
        }
        return disclosed ? "allow" : "filtered";
    }

    private static void removeSendAs(Cell c) throws MapiException {
        if (c.c.getSendAsList(c.w.admin, c.w.victim()).stream().anyMatch(u -> u.userName.equals(c.w.bystander))) {
            c.c.delSendAsUser(c.w.admin, c.w.victim(), c.w.bystander);
        }
    }

    private static void groups(Map<String, Probe> p) {
        p.put("createGroup/victim-company", call(c -> {
            GroupDetails g = new GroupDetails();
            String name = c.w.unique("newgrp");
            g.groupName = c.w.victimCompany == null ? name : name + "@" + c.w.victimCompany;
            c.c.createGroup(c.sid(), g);
        }));
        p.put("setGroup/group", call(c -> {
            GroupDetails g = new GroupDetails();
            g.fullName = "Matrix group of " + c.role.column;
            c.c.setGroup(c.sid(), c.w.group, g);
        }));
        p.put("getGroup/group", call(c -> c.c.getGroup(c.sid(), c.w.group)));
        p.put("deleteGroup/fresh-group", c -> {
            String g = c.w.newGroup();
            return allow(x -> x.c.deleteGroup(x.sid(), g), c);
        });
        p.put("getGroupList/own-company", call(c -> c.c.getGroupList(c.sid(), null)));
        p.put("addGroupUser/fresh-group", c -> {
            String g = c.w.newGroup();
            return allow(x -> x.c.addGroupUser(x.sid(), g, x.w.bystander), c);
        });
        p.put("deleteGroupUser/fresh-group", c -> {
            String g = c.w.newGroup();
            c.c.addGroupUser(c.w.admin, g, c.w.bystander);
            return allow(x -> x.c.deleteGroupUser(x.sid(), g, x.w.bystander), c);
        });
        p.put("getUserListOfGroup/group", call(c -> c.c.getUserListOfGroup(c.sid(), c.w.group)));
        p.put("getGlobalAddressBook/victim-listed", c -> op(() -> c.c.getGlobalAddressBook(c.sid()).stream()
                .anyMatch(e -> e.name.equals(c.w.victim())) ? "allow" : "filtered"));
        p.put("resolveNames/victim", c -> op(() -> {
            var r = c.c.resolveNames(c.sid(), java.util.List.of(c.w.victim())).get(0);
            return r.status == org.zcp.api.soap.ResolvedName.RESOLVED && r.entries.get(0).name.equals(c.w.victim())
                    ? "allow" : "filtered";
        }));
        p.put("getAddressLists/-", call(c -> c.c.getAddressLists(c.sid())));
        p.put("getAddressList/unknown", call(c -> c.c.getAddressList(c.sid(), "No Such List")));
        p.put("getAddressBookHierarchy/-", call(c -> c.c.getAddressBookHierarchy(c.sid())));
        p.put("getAddressContainer/victim-book", c -> {
            // the global address book the victim is listed in: the one book outside hosted mode,
            // the victim's company's book in it (as the system administrator sees the hierarchy)
            String company = c.c.resolveNames(c.w.admin, java.util.List.of(c.w.victim())).get(0).entries.get(0).company;
            String id = c.c.getAddressBookHierarchy(c.w.admin).stream()
                    .filter(b -> b.depth == 0 && (company.isEmpty() || b.name.equals(company))).findFirst()
                    .orElseThrow().entryId;
            return op(() -> c.c.getAddressContainer(c.sid(), id).stream().anyMatch(e -> e.name.equals(c.w.victim()))
                    ? "allow" : "filtered");
        });
        p.put("getAddressEntry/victim", c -> {
            String id = c.c.resolveNames(c.w.admin, java.util.List.of(c.w.victim())).get(0).entries.get(0).entryId;
            return op(() -> c.c.getAddressEntry(c.sid(), id).name.equals(c.w.victim()) ? "allow" : "filtered");
        });
    }

    private static void companies(Map<String, Probe> p) {
        p.put("createCompany/-", call(c -> {
            CompanyDetails d = new CompanyDetails();
            d.companyName = c.w.unique("co");
            c.c.createCompany(c.sid(), d);
        }));
        p.put("setCompany/victim-company", call(c -> c.c.setCompany(c.sid(), c.w.victimCompany, new CompanyDetails())));
        // #20: the hoster's quota is not the tenant's to lift
        p.put("setCompany/lift-quota", call(c -> {
            CompanyDetails d = new CompanyDetails();
            d.userDefaultQuotaOverride = true;
            d.userDefaultQuotaHard = 0L;
            c.c.setCompany(c.sid(), c.w.victimCompany, d);
        }));
        p.put("getCompany/victim-company", call(c -> c.c.getCompany(c.sid(), c.w.victimCompany)));
        p.put("deleteCompany/fresh-company", c -> {
            String co = ItServer.company(c.w.admin);
            return allow(x -> x.c.deleteCompany(x.sid(), co), c);
        });
        p.put("getCompanyList/-", call(c -> c.c.getCompanyList(c.sid())));
        p.put("addCompanyToRemoteViewList/other-views-victim", c -> {
            removeView(c);
            return new Probe.Prepared(() -> {
                c.c.addCompanyToRemoteViewList(c.sid(), c.w.otherCompany, c.w.victimCompany);
                return "allow";
            }, () -> removeView(c));
        });
        p.put("delCompanyFromRemoteViewList/other-views-victim", c -> {
            removeView(c);
            c.c.addCompanyToRemoteViewList(c.w.admin, c.w.otherCompany, c.w.victimCompany);
            return new Probe.Prepared(() -> {
                c.c.delCompanyFromRemoteViewList(c.sid(), c.w.otherCompany, c.w.victimCompany);
                return "allow";
            }, () -> removeView(c));
        });
        p.put("getRemoteViewList/victim-company", call(c -> c.c.getRemoteViewList(c.sid(), c.w.victimCompany)));
        p.put("addUserToRemoteAdminList/bystander", c -> {
            removeRemoteAdmin(c);
            return new Probe.Prepared(() -> {
                c.c.addUserToRemoteAdminList(c.sid(), c.w.bystander, c.w.otherCompany);
                return "allow";
            }, () -> removeRemoteAdmin(c));
        });
        p.put("delUserFromRemoteAdminList/bystander", c -> {
            removeRemoteAdmin(c);
            c.c.addUserToRemoteAdminList(c.w.admin, c.w.bystander, c.w.otherCompany);
            return new Probe.Prepared(() -> {
                c.c.delUserFromRemoteAdminList(c.sid(), c.w.bystander, c.w.otherCompany);
                return "allow";
            }, () -> removeRemoteAdmin(c));
        });
        p.put("getRemoteAdminList/victim-company", call(c -> c.c.getRemoteAdminList(c.sid(), c.w.victimCompany)));
    }

    /** A view list entry left behind would make the victim's company visible to the other one. */
    private static void removeView(Cell c) throws MapiException {
        if (c.c.getRemoteViewList(c.w.admin, c.w.victimCompany).stream()
                .anyMatch(d -> d.companyName.equals(c.w.otherCompany))) {
            c.c.delCompanyFromRemoteViewList(c.w.admin, c.w.otherCompany, c.w.victimCompany);
        }
    }

    private static void removeRemoteAdmin(Cell c) throws MapiException {
        if (c.c.getRemoteAdminList(c.w.admin, c.w.otherCompany).stream().anyMatch(u -> u.userName.equals(c.w.bystander))) {
            c.c.delUserFromRemoteAdminList(c.w.admin, c.w.bystander, c.w.otherCompany);
        }
    }
}
