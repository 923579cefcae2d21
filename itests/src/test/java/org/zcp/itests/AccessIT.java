package org.zcp.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zcp.itests.Fixture.assertFault;

import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.mapi.Rights;
import org.zcp.api.soap.AclEntry;
import org.zcp.api.soap.StoreInfo;
import org.zcp.api.soap.UserDetails;
import org.zcp.api.soap.ZarafaCmd;

/** ACLs (MAPI rights), the audit log of sharing actions (manual 7.3.1.5) and tenant boundaries (6.2). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessIT {
    static ZarafaCmd c;
    static String admin;
    static String acme;
    static String other;
    static String peter;
    static String mary;
    static String eve;

    @BeforeAll
    static void setUp() throws Exception {
        c = ItServer.client();
        admin = ItServer.admin();
        acme = ItServer.company(admin);
        other = ItServer.company(admin);
        peter = ItServer.user(admin, acme, "peter");
        mary = ItServer.user(admin, acme, "mary");
        eve = ItServer.user(admin, other, "eve");
    }

    @Test
    void anotherUsersInboxNeedsRightsAndAccessIsAudited() throws Exception {
        String ps = ItServer.logon(peter, ItServer.password(peter));
        String ms = ItServer.logon(mary, ItServer.password(mary));
        StoreInfo peterStore = c.getStore(ps, null);
        c.createMessage(ps, peterStore.inboxId, Fixture.message("private", 1L), false);

        StoreInfo seen = c.getStore(ms, peter);
        assertThat(seen.inboxId).isEqualTo(peterStore.inboxId);
        assertFault(() -> c.queryContents(ms, seen.inboxId, Fixture.columns(PropTag.PR_SUBJECT)), "MAPI_E_NO_ACCESS");
        assertFault(() -> c.createMessage(ms, seen.inboxId, Fixture.message("x", 1L), false), "MAPI_E_NO_ACCESS");
        assertFault(() -> c.setRights(ms, seen.inboxId, List.of(new AclEntry(mary, "user", Rights.ALL))),
                "MAPI_E_NO_ACCESS");
        assertFault(() -> c.setRights(ps, peterStore.inboxId, List.of(new AclEntry(null, "user", 1))),
                "MAPI_E_INVALID_PARAMETER");
        assertFault(() -> c.setRights(ps, peterStore.inboxId, List.of(new AclEntry("ghost@" + acme, "user", 1))),
                "MAPI_E_NOT_FOUND");
        assertThat(ItServer.auditLog()).anySatisfy(l -> assertThat(l).contains("access denied")
                .contains("ownername='" + peter + "'").contains("username='" + mary + "'").contains("rights='view'"));

        // peter grants mary reviewer rights on his Inbox
        c.setRights(ps, peterStore.inboxId, List.of(new AclEntry(mary, "user", Rights.ROLE_REVIEWER)));
        assertThat(c.getRights(ps, peterStore.inboxId)).anySatisfy(e -> {
            assertThat(e.memberName).isEqualTo(mary);
            assertThat(e.rights).isEqualTo(Rights.ROLE_REVIEWER);
        });
        assertThat(Fixture.subjects(c.queryContents(ms, seen.inboxId, Fixture.columns(PropTag.PR_SUBJECT))))
                .containsExactly("private");
        assertFault(() -> c.createMessage(ms, seen.inboxId, Fixture.message("x", 1L), false), "MAPI_E_NO_ACCESS");
        assertThat(ItServer.auditLog()).anySatisfy(l -> assertThat(l).contains("access allowed")
                .contains("ownername='" + peter + "'").contains("username='" + mary + "'"));
        // the hierarchy of peter's store shows mary only what she may see
        Map<String, String> visible = Fixture.folders(c, ms, seen.ipmSubtreeId);
        assertThat(visible.keySet()).contains("Inbox").doesNotContain("Sent Items", "Drafts", "Outbox");

        // revoking removes the right again
        c.setRights(ps, peterStore.inboxId, List.of(new AclEntry(mary, "user", 0)));
        assertFault(() -> c.queryContents(ms, seen.inboxId, Fixture.columns(PropTag.PR_SUBJECT)), "MAPI_E_NO_ACCESS");
    }

    @Test
    void groupRightsApplyToMembersAndEveryoneSeesFreeBusyOnly() throws Exception {
        String ps = ItServer.logon(peter, ItServer.password(peter));
        String ms = ItServer.logon(mary, ItServer.password(mary));
        StoreInfo peterStore = c.getStore(ps, null);
        String calendar = Fixture.folders(c, ps, peterStore.ipmSubtreeId).get("Calendar");
        assertThat(c.getRights(ps, calendar)).anySatisfy(e -> {
            assertThat(e.memberName).isEqualTo("Everyone");
            assertThat(e.rights).isEqualTo(Rights.FREEBUSY_SIMPLE);
        });
        assertFault(() -> c.queryContents(ms, calendar, null), "MAPI_E_NO_ACCESS");
        c.setRights(ps, calendar, List.of(new AclEntry("Everyone", "group", Rights.ROLE_REVIEWER)));
        assertThat(c.queryContents(ms, calendar, null).rowCount).isZero();
    }

    @Test
    void tenantsDoNotSeeEachOther() throws Exception {
        String es = ItServer.logon(eve, ItServer.password(eve));
        // with loginname_format %u@%c a bare user name is nobody
        assertFault(() -> ItServer.logon("eve", ItServer.password(eve)), "MAPI_E_LOGON_FAILED");
        assertFault(() -> c.getStore(es, peter), "MAPI_E_NOT_FOUND");
        assertFault(() -> c.getUser(es, peter), "MAPI_E_NOT_FOUND");
        assertThat(c.getUserList(es, null)).extracting(u -> u.userName).containsExactly(eve);
        assertFault(() -> c.getUserList(es, acme), "MAPI_E_NOT_FOUND");
        // an entry id of another tenant's folder is as good as unknown
        String ps = ItServer.logon(peter, ItServer.password(peter));
        String peterInbox = c.getStore(ps, null).inboxId;
        assertFault(() -> c.queryContents(es, peterInbox, null), "MAPI_E_NOT_FOUND");
        // each company has its own public store
        assertThat(c.getPublicStore(es, null).companyName).isEqualTo(other);
        assertThat(c.getPublicStore(ps, null).companyName).isEqualTo(acme);

        // manual 6.2.3: --add-view other -I acme lets other's users see acme
        c.addCompanyToRemoteViewList(admin, other, acme);
        assertThat(c.getRemoteViewList(admin, acme)).extracting(d -> d.companyName).containsExactly(other);
        assertThat(c.getUser(es, peter).userName).isEqualTo(peter);
        assertThat(c.getStore(es, peter).ownerName).isEqualTo(peter);
        c.delCompanyFromRemoteViewList(admin, other, acme);
        assertFault(() -> c.getUser(es, peter), "MAPI_E_NOT_FOUND");
    }

    @Test
    void administratorsAreLimitedToTheirCompany() throws Exception {
        String boss = ItServer.user(admin, acme, "boss");
        UserDetails level1 = new UserDetails();
        level1.adminLevel = 1;
        c.setUser(admin, boss, level1);
        String bs = ItServer.logon(boss, ItServer.password(boss));
        // a company administrator opens the stores of his company
        assertThat(Fixture.subjects(c.queryContents(bs, c.getStore(bs, mary).inboxId, null))).isEmpty();
        String newUser = ItServer.user(bs, acme, "hired");
        assertThat(newUser).endsWith("@" + acme);
        assertFault(() -> ItServer.user(bs, other, "intruder"), "MAPI_E_NO_ACCESS");
        assertFault(() -> c.getStore(bs, eve), "MAPI_E_NOT_FOUND");
        UserDetails up = new UserDetails();
        up.adminLevel = 2;
        assertFault(() -> c.setUser(bs, mary, up), "MAPI_E_NO_ACCESS");
        // a plain user administers nothing
        String ms = ItServer.logon(mary, ItServer.password(mary));
        assertFault(() -> ItServer.user(ms, acme, "nope"), "MAPI_E_NO_ACCESS");
        assertFault(() -> c.listOrphans(ms), "MAPI_E_NO_ACCESS");
    }

    @Test
    void companyAdministratorsImpersonateTheirUsersAndItIsAudited() throws Exception {
        String chief = ItServer.user(admin, acme, "chief");
        UserDetails level1 = new UserDetails();
        level1.adminLevel = 1;
        c.setUser(admin, chief, level1);
        String as = c.logon(chief, ItServer.password(chief), mary, "itest").sessionId;
        assertThat(c.getStore(as, null).ownerName).isEqualTo(mary);
        assertThat(ItServer.auditLog()).anySatisfy(l -> assertThat(l)
                .contains("impersonate ok user='" + mary + "', from='127.0.0.1' program='itest' impersonator='"
                        + chief + "'"));
        assertFault(() -> c.logon(mary, ItServer.password(mary), peter, "itest"), "MAPI_E_LOGON_FAILED");
        assertFault(() -> c.logon(chief, ItServer.password(chief), eve, "itest"), "MAPI_E_LOGON_FAILED");
        assertThat(ItServer.auditLog()).anySatisfy(l -> assertThat(l)
                .contains("impersonate failed user='" + peter + "'").contains("impersonator='" + mary + "'"));
    }

    @Test
    void nonActiveUsersCannotLogOnButKeepTheirStore() throws Exception {
        String info = ItServer.user(admin, acme, "info");
        UserDetails off = new UserDetails();
        off.active = false;
        c.setUser(admin, info, off);
        assertFault(() -> ItServer.logon(info, ItServer.password(info)), "MAPI_E_LOGON_FAILED");
        assertThat(c.getStore(admin, info).inboxId).isNotNull();
        assertThat(c.getUser(admin, info).active).isFalse();
    }
}
