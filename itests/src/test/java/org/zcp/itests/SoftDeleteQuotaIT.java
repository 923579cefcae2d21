package org.zcp.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zcp.itests.Fixture.assertFault;

import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.soap.Message;
import org.zcp.api.soap.QuotaStatus;
import org.zcp.api.soap.StoreInfo;
import org.zcp.api.soap.TableQuery;
import org.zcp.api.soap.UserDetails;
import org.zcp.api.soap.ZarafaCmd;

/** Soft delete, restore and purge (manual 7.5, 10.1) and quota accounting (manual 4.12, 6.2.5). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SoftDeleteQuotaIT {
    static ZarafaCmd c;
    static String admin;
    static String company;

    @BeforeAll
    static void setUp() throws Exception {
        c = ItServer.client();
        admin = ItServer.admin();
        company = ItServer.company(admin);
    }

    @Test
    void softDeletedMessagesAreListedRestoredAndPurged() throws Exception {
        String user = ItServer.user(admin, company, "deleter");
        String s = ItServer.logon(user, ItServer.password(user));
        StoreInfo store = c.getStore(s, null);
        String keep = c.createMessage(s, store.inboxId, Fixture.message("keep", 1L), false);
        String gone = c.createMessage(s, store.inboxId, Fixture.message("gone", 2L), false);
        c.deleteMessages(s, List.of(gone), false);
        assertThat(Fixture.subjects(c.queryContents(s, store.inboxId, Fixture.columns(PropTag.PR_SUBJECT))))
                .containsExactly("keep");
        TableQuery deleted = Fixture.columns(PropTag.PR_SUBJECT, PropTag.PR_DELETED_ON);
        deleted.flags = TableQuery.SHOW_SOFT_DELETES;
        assertThat(Fixture.subjects(c.queryContents(s, store.inboxId, deleted))).containsExactly("gone");
        assertThat(c.queryContents(s, store.inboxId, deleted).rows.get(0).props.get(1).l).isPositive();

        c.restoreObjects(s, List.of(gone));
        assertThat(Fixture.subjects(c.queryContents(s, store.inboxId, Fixture.columns(PropTag.PR_SUBJECT))))
                .containsExactlyInAnyOrder("keep", "gone");

        // a soft-deleted folder comes back with its contents
        String folder = c.createFolder(s, store.inboxId, "Old stuff", null, false);
        c.createMessage(s, folder, Fixture.message("archived", 3L), false);
        c.deleteFolder(s, folder, false);
        assertThat(Fixture.folders(c, s, store.inboxId)).doesNotContainKey("Old stuff");
        c.restoreObjects(s, List.of(folder));
        assertThat(Fixture.subjects(c.queryContents(s, folder, Fixture.columns(PropTag.PR_SUBJECT))))
                .containsExactly("archived");

        // zarafa-admin --purge-softdelete 0 removes everything soft-deleted, for good
        c.deleteMessages(s, List.of(gone, keep), false);
        assertThat(c.purgeSoftDelete(admin, 0)).isGreaterThanOrEqualTo(2);
        assertThat(c.queryContents(s, store.inboxId, deleted).rowCount).isZero();
        assertFault(() -> c.loadMessage(s, gone), "MAPI_E_NOT_FOUND");
        assertFault(() -> c.purgeSoftDelete(s, 0), "MAPI_E_NO_ACCESS");
    }

    @Test
    void storeSizeFollowsWritesAndHardQuotaStopsThem() throws Exception {
        String user = ItServer.user(admin, company, "quota");
        String s = ItServer.logon(user, ItServer.password(user));
        StoreInfo store = c.getStore(s, null);
        assertThat(c.getQuotaStatus(s, null).storeSize).isZero();

        Message m = Fixture.message("big", 1L);
        m.attachments = List.of(Fixture.attachment("a.bin", new byte[600 * 1024]));
        String id = c.createMessage(s, store.inboxId, m, false);
        long size = c.getQuotaStatus(s, null).storeSize;
        assertThat(size).isGreaterThan(600 * 1024);

        // zarafa-admin -u quota --qo y --qw 1 --qs 1 --qh 1 (megabytes on the command line)
        UserDetails q = new UserDetails();
        q.quotaOverride = true;
        q.quotaWarn = 512L * 1024;
        q.quotaSoft = 768L * 1024;
        q.quotaHard = 1024L * 1024;
        c.setUser(admin, user, q);
        QuotaStatus status = c.getQuotaStatus(s, null);
        assertThat(status.status).isEqualTo(QuotaStatus.WARN);
        assertThat(status.hard).isEqualTo(1024L * 1024);

        Message more = Fixture.message("too much", 2L);
        more.attachments = List.of(Fixture.attachment("b.bin", new byte[600 * 1024]));
        assertFault(() -> c.createMessage(s, store.inboxId, more, false), "MAPI_E_STORE_FULL");
        assertThat(c.getQuotaStatus(s, null).storeSize).isEqualTo(size);

        // soft-deleted items still count until purged (manual 7.5); hard delete frees the space
        c.deleteMessages(s, List.of(id), false);
        assertThat(c.getQuotaStatus(s, null).storeSize).isEqualTo(size);
        c.deleteMessages(s, List.of(id), true);
        assertThat(c.getQuotaStatus(s, null).storeSize).isZero();
        c.createMessage(s, store.inboxId, more, false);
        assertThat(c.getUser(admin, user).storeSize).isGreaterThan(600 * 1024);
    }

    @Test
    void companyUserDefaultsApplyWithoutAnOverride() throws Exception {
        String user = ItServer.user(admin, company, "defaults");
        org.zcp.api.soap.CompanyDetails d = new org.zcp.api.soap.CompanyDetails();
        d.userDefaultQuotaOverride = true;
        d.userDefaultQuotaWarn = 10L * 1024 * 1024;
        d.userDefaultQuotaSoft = 20L * 1024 * 1024;
        d.userDefaultQuotaHard = 30L * 1024 * 1024;
        c.setCompany(admin, company, d);
        UserDetails u = c.getUser(admin, user);
        assertThat(u.quotaOverride).isFalse();
        assertThat(List.of(u.quotaWarn, u.quotaSoft, u.quotaHard))
                .containsExactly(10L * 1024 * 1024, 20L * 1024 * 1024, 30L * 1024 * 1024);
    }

    @Test
    void changedReloadableOptionsTakeEffectWithoutARestart() throws Exception {
        // manual 7.1.2: companyquota_warn may change while the server runs
        java.nio.file.Path cfg = ItServer.dir().resolve("etc/server.cfg");
        java.nio.file.Files.writeString(cfg, "\ncompanyquota_warn = 7\n", java.nio.file.StandardOpenOption.APPEND);
        long deadline = System.currentTimeMillis() + 45_000;
        long warn = 0;
        while (System.currentTimeMillis() < deadline) {
            warn = c.getCompany(admin, company).quotaWarn;
            if (warn == 7L * 1024 * 1024) break;
            Thread.sleep(1000);
        }
        assertThat(warn).isEqualTo(7L * 1024 * 1024);
    }

    @Test
    void deletedUsersLeaveOrphanStoresThatCanBeHooked() throws Exception {
        String leaver = ItServer.user(admin, company, "leaver");
        String heir = ItServer.user(admin, company, "heir");
        String guid = c.getStore(admin, leaver).guid;
        c.deleteUser(admin, leaver);
        assertThat(c.listOrphans(admin).stores).anySatisfy(o -> {
            assertThat(o.guid).isEqualTo(guid);
            assertThat(o.guessedUserName).isEqualTo(leaver);
        });
        String heirOld = c.getStore(admin, heir).guid;
        c.hookStore(admin, guid, heir);
        assertThat(c.getStore(admin, heir).guid).isEqualTo(guid);
        assertThat(c.listOrphans(admin).stores).extracting(o -> o.guid).contains(heirOld).doesNotContain(guid);
        c.removeStore(admin, heirOld);
        assertThat(c.listOrphans(admin).stores).extracting(o -> o.guid).doesNotContain(heirOld);
    }
}
