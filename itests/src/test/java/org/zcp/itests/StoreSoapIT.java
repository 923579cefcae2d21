package org.zcp.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zcp.itests.Fixture.assertFault;

import jakarta.activation.DataHandler;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.soap.Message;
import org.zcp.api.soap.PropValue;
import org.zcp.api.soap.PropValues;
import org.zcp.api.soap.Restriction;
import org.zcp.api.soap.SortOrder;
import org.zcp.api.soap.StoreInfo;
import org.zcp.api.soap.TableQuery;
import org.zcp.api.soap.TableResult;
import org.zcp.api.soap.ZarafaCmd;

/** The store through MAPI in SOAP: logon, default folders, messages, attachments, tables, folders. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StoreSoapIT {
    static ZarafaCmd c;
    static String company;
    static String john;
    static String sid;
    static StoreInfo store;
    static Map<String, String> folders;

    @BeforeAll
    static void setUp() throws Exception {
        c = ItServer.client();
        String admin = ItServer.admin();
        company = ItServer.company(admin);
        john = ItServer.user(admin, company, "john");
        sid = ItServer.logon(john, ItServer.password(john));
        store = c.getStore(sid, null);
        folders = Fixture.folders(c, sid, store.ipmSubtreeId);
    }

    @Test
    void newUserHasTheElevenDefaultFoldersWithTheirContainerClasses() throws Exception {
        assertThat(folders.keySet()).containsExactlyInAnyOrder("Inbox", "Outbox", "Deleted Items", "Sent Items",
                "Contacts", "Calendar", "Drafts", "Journal", "Notes", "Tasks", "Junk E-mail");
        TableResult t = c.queryHierarchy(sid, store.ipmSubtreeId,
                Fixture.columns(PropTag.PR_DISPLAY_NAME, PropTag.PR_CONTAINER_CLASS));
        Map<String, String> classes = new java.util.HashMap<>();
        t.rows.forEach(r -> classes.put(PropValues.string(r.props, PropTag.PR_DISPLAY_NAME),
                PropValues.string(r.props, PropTag.PR_CONTAINER_CLASS)));
        assertThat(classes).containsEntry("Calendar", "IPF.Appointment").containsEntry("Contacts", "IPF.Contact")
                .containsEntry("Tasks", "IPF.Task").containsEntry("Notes", "IPF.StickyNote")
                .containsEntry("Journal", "IPF.Journal").containsEntry("Drafts", "IPF.Note");
        assertThat(store.inboxId).isEqualTo(folders.get("Inbox"));
        // the createuser_script ran for the new user (manual 8.5.1.1)
        assertThat(java.nio.file.Files.readAllLines(ItServer.dir().resolve("log/created-users"))).contains(john);
    }

    @Test
    void wrongPasswordFailsAndIsAuditLogged() throws Exception {
        assertFault(() -> c.logon(john, "wrong", null, "itest"), "MAPI_E_LOGON_FAILED");
        assertFault(() -> c.logon("nobody@" + company, "x", null, "itest"), "MAPI_E_LOGON_FAILED");
        assertThat(ItServer.auditLog()).anySatisfy(l -> assertThat(l)
                .contains("authenticate failed user='" + john + "' from='127.0.0.1' program='itest'"));
        assertThat(ItServer.auditLog()).anySatisfy(l -> assertThat(l)
                .contains("authenticate ok user='" + john + "' from='127.0.0.1' method='User supplied password'"));
        assertFault(() -> c.getStore("deadbeef", null), "MAPI_E_END_OF_SESSION");
    }

    @Test
    void messageWithRecipientsAndAttachmentReadsBackByteForByte() throws Exception {
        byte[] data = new byte[100_000];
        new Random(7).nextBytes(data);
        Message m = Fixture.message("With attachment", 1_700_000_000_000L);
        m.recipients = List.of(Fixture.recipient("Mary", "mary@example.com", PropTag.MAPI_TO),
                Fixture.recipient("Bob", "bob@example.com", PropTag.MAPI_CC));
        m.attachments = List.of(Fixture.attachment("random.bin", data));
        String id = c.createMessage(sid, folders.get("Drafts"), m, false);

        Message back = c.loadMessage(sid, id);
        assertThat(PropValues.string(back.props, PropTag.PR_SUBJECT)).isEqualTo("With attachment");
        assertThat(PropValues.string(back.props, PropTag.PR_BODY)).isEqualTo("Body of With attachment");
        assertThat(PropValues.find(back.props, PropTag.PR_HASATTACH).b).isTrue();
        assertThat(PropValues.number(back.props, PropTag.PR_MESSAGE_SIZE)).isGreaterThan(100_000L);
        assertThat(back.recipients).hasSize(2);
        assertThat(back.recipients.get(1).props).anySatisfy(p -> assertThat(p.s).isEqualTo("bob@example.com"));
        assertThat(back.attachments).hasSize(1);
        assertThat(back.attachments.get(0).size).isEqualTo(100_000);
        assertThat(read(c.loadAttachment(sid, id, back.attachments.get(0).attachNum))).isEqualTo(data);
    }

    @Test
    void embeddedMessageIsKeptCopiedAndRemovedWithTheMessageThatHoldsIt() throws Exception {
        long before = c.getQuotaStatus(sid, john).storeSize;
        Message inner = Fixture.message("Minutes of Monday", 1_700_000_000_000L);
        inner.recipients = List.of(Fixture.recipient("Mary", "mary@example.com", PropTag.MAPI_TO));
        inner.attachments = List.of(Fixture.attachment("minutes.txt", "1. plans".getBytes(StandardCharsets.US_ASCII)));
        org.zcp.api.soap.Attachment holder = new org.zcp.api.soap.Attachment();
        holder.props = new java.util.ArrayList<>(List.of(PropValue.ofLong(PropTag.PR_ATTACH_METHOD, 5),
                PropValue.ofString(PropTag.PR_DISPLAY_NAME, "Minutes of Monday")));
        holder.embedded = inner;
        Message m = Fixture.message("Fwd: Minutes", 1_700_000_000_000L);
        m.attachments = List.of(holder);
        String id = c.createMessage(sid, folders.get("Drafts"), m, false);

        Message back = c.loadMessage(sid, id);
        Message embedded = back.attachments.get(0).embedded;
        assertThat(PropValues.string(embedded.props, PropTag.PR_SUBJECT)).isEqualTo("Minutes of Monday");
        assertThat(embedded.recipients).hasSize(1);
        assertThat(embedded.attachments).hasSize(1);
        assertThat(embedded.attachments.get(0).size).isEqualTo(8);
        // the holding message's size counts the embedded one, and so does the store's
        long size = PropValues.number(back.props, PropTag.PR_MESSAGE_SIZE);
        assertThat(size).isGreaterThan(back.attachments.get(0).size).isGreaterThan(8);
        assertThat(c.getQuotaStatus(sid, john).storeSize - before).isEqualTo(size);
        // an embedded message is reached through its attachment, never written on its own
        assertFault(() -> c.saveMessage(sid, embedded.entryId, Fixture.message("x", 1L)), "MAPI_E_INVALID_PARAMETER");

        String copy = c.copyMessages(sid, List.of(id), folders.get("Inbox"), false).get(0);
        Message copied = c.loadMessage(sid, copy).attachments.get(0).embedded;
        assertThat(PropValues.string(copied.props, PropTag.PR_SUBJECT)).isEqualTo("Minutes of Monday");
        assertThat(copied.entryId).isNotEqualTo(embedded.entryId);
        assertThat(copied.attachments).hasSize(1);

        c.deleteMessages(sid, List.of(id, copy), true);
        assertThat(c.getQuotaStatus(sid, john).storeSize).isEqualTo(before);
    }

    @Test
    void largeAttachmentIsStreamedInAndOut() throws Exception {
        String id = c.createMessage(sid, folders.get("Drafts"), Fixture.message("Big", 1L), false);
        byte[] data = new byte[6 * 1024 * 1024];
        new Random(11).nextBytes(data);
        int num = c.saveAttachment(sid, id, -1, List.of(PropValue.ofString(PropTag.PR_ATTACH_LONG_FILENAME, "big.bin")),
                new DataHandler(new BytesSource(data)));
        assertThat(read(c.loadAttachment(sid, id, num))).isEqualTo(data);
        assertFault(() -> c.loadAttachment(sid, id, 99), "MAPI_E_NOT_FOUND");
    }

    @Test
    void contentsTableSortsRestrictsAndPages() throws Exception {
        String folder = c.createFolder(sid, folders.get("Inbox"), "Table test", "IPF.Note", false);
        for (int i = 0; i < 30; i++) {
            c.createMessage(sid, folder, Fixture.message(String.format("msg %02d", i), 1_000_000L + i * 1000L), false);
        }
        TableQuery q = Fixture.columns(PropTag.PR_SUBJECT, PropTag.PR_MESSAGE_DELIVERY_TIME, PropTag.PR_ENTRYID);
        q.sort = List.of(new SortOrder(PropTag.PR_MESSAGE_DELIVERY_TIME, true));
        q.start = 0;
        q.count = 10;
        TableResult page = c.queryContents(sid, folder, q);
        assertThat(page.rowCount).isEqualTo(30);
        assertThat(Fixture.subjects(page)).startsWith("msg 29", "msg 28").hasSize(10);
        q.start = 25;
        assertThat(Fixture.subjects(c.queryContents(sid, folder, q))).containsExactly("msg 04", "msg 03", "msg 02",
                "msg 01", "msg 00");

        TableQuery r = Fixture.columns(PropTag.PR_SUBJECT);
        r.sort = List.of(new SortOrder(PropTag.PR_SUBJECT, false));
        r.restriction = Restriction.or(
                Restriction.content("SUBSTRING|IGNORECASE", PropValue.ofString(PropTag.PR_SUBJECT, "MSG 1")),
                Restriction.property("GE", PropValue.ofLong(PropTag.PR_MESSAGE_DELIVERY_TIME, 1_028_000L)));
        TableResult filtered = c.queryContents(sid, folder, r);
        assertThat(Fixture.subjects(filtered)).containsExactly("msg 10", "msg 11", "msg 12", "msg 13", "msg 14",
                "msg 15", "msg 16", "msg 17", "msg 18", "msg 19", "msg 28", "msg 29");

        // unread messages: PR_MESSAGE_FLAGS & MSGFLAG_READ == 0
        String first = Fixture.hex(PropValues.binary(page.rows.get(0).props, PropTag.PR_ENTRYID));
        c.setReadFlags(sid, List.of(first), false);
        TableQuery unread = Fixture.columns(PropTag.PR_SUBJECT);
        unread.restriction = Restriction.bitmask("EQ", PropTag.PR_MESSAGE_FLAGS, PropTag.MSGFLAG_READ);
        assertThat(Fixture.subjects(c.queryContents(sid, folder, unread))).containsExactly("msg 29");
        List<PropValue> counts = c.getProps(sid, folder, List.of(PropTag.PR_CONTENT_COUNT, PropTag.PR_CONTENT_UNREAD));
        assertThat(counts).extracting(p -> p.l).containsExactly(30L, 1L);
    }

    @Test
    void foldersAreCreatedRenamedMovedCopiedAndDeleted() throws Exception {
        String inbox = folders.get("Inbox");
        String a = c.createFolder(sid, inbox, "Projects", "IPF.Note", false);
        assertFault(() -> c.createFolder(sid, inbox, "projects", null, false), "MAPI_E_COLLISION");
        assertThat(c.createFolder(sid, inbox, "Projects", null, true)).isEqualTo(a);
        c.createMessage(sid, a, Fixture.message("inside", 5L), false);
        c.setProps(sid, a, List.of(PropValue.ofString(PropTag.PR_DISPLAY_NAME, "Work")));
        assertThat(Fixture.folders(c, sid, inbox)).containsKey("Work");

        String copy = c.copyFolder(sid, a, store.ipmSubtreeId, "Work copy", false);
        assertThat(Fixture.subjects(c.queryContents(sid, copy, Fixture.columns(PropTag.PR_SUBJECT))))
                .containsExactly("inside");
        String moved = c.copyFolder(sid, a, folders.get("Notes"), null, true);
        assertThat(Fixture.folders(c, sid, inbox)).doesNotContainKey("Work");
        assertThat(Fixture.folders(c, sid, folders.get("Notes"))).containsKey("Work");
        assertFault(() -> c.copyFolder(sid, moved, moved, null, true), "MAPI_E_FOLDER_CYCLE");

        c.deleteFolder(sid, copy, false);
        assertThat(Fixture.folders(c, sid, store.ipmSubtreeId)).doesNotContainKey("Work copy");
        assertFault(() -> c.deleteFolder(sid, folders.get("Inbox"), false), "MAPI_E_NO_ACCESS");
        assertFault(() -> c.createFolder(sid, inbox, "", null, false), "MAPI_E_INVALID_PARAMETER");
        assertFault(() -> c.queryContents(sid, "00", null), "MAPI_E_INVALID_ENTRYID");
    }

    @Test
    void messagesMoveAndCopyBetweenFolders() throws Exception {
        String src = c.createFolder(sid, folders.get("Inbox"), "Move source", null, false);
        String id = c.createMessage(sid, src, Fixture.message("mover", 9L), false);
        List<String> copied = c.copyMessages(sid, List.of(id), folders.get("Notes"), false);
        assertThat(copied).hasSize(1).doesNotContain(id);
        List<String> moved = c.copyMessages(sid, List.of(id), folders.get("Junk E-mail"), true);
        assertThat(Fixture.subjects(c.queryContents(sid, src, Fixture.columns(PropTag.PR_SUBJECT)))).isEmpty();
        assertThat(PropValues.string(c.loadMessage(sid, moved.get(0)).props, PropTag.PR_SUBJECT)).isEqualTo("mover");
    }

    @Test
    void namedPropertiesMapToStableIdsAndCarryValues() throws Exception {
        String psetid = "00062008000000000000C00000000046";
        List<org.zcp.api.soap.NamedProp> names = List.of(org.zcp.api.soap.NamedProp.ofId(psetid, 0x8503),
                org.zcp.api.soap.NamedProp.ofName(psetid, "x-zcp-test"));
        List<Integer> ids = c.getIDsFromNames(sid, names, true);
        assertThat(ids).hasSize(2).allSatisfy(i -> assertThat(i).isBetween(0x8500, 0xFFFE));
        assertThat(c.getIDsFromNames(sid, names, false)).isEqualTo(ids);
        assertThat(c.getIDsFromNames(sid, List.of(org.zcp.api.soap.NamedProp.ofName(psetid, "never")), false))
                .containsExactly(0);
        assertThat(c.getNamesFromIDs(sid, ids)).extracting(n -> n.name).containsExactly(null, "x-zcp-test");

        int tag = (ids.get(1) << 16) | 0x001F;
        Message m = Fixture.message("named", 1L);
        m.props.add(PropValue.ofString(tag, "named value"));
        String id = c.createMessage(sid, folders.get("Drafts"), m, false);
        assertThat(PropValues.string(c.loadMessage(sid, id).props, tag)).isEqualTo("named value");
        assertFault(() -> c.getIDsFromNames(sid, List.of(org.zcp.api.soap.NamedProp.ofId("xyz", 1)), true),
                "MAPI_E_INVALID_PARAMETER");
    }

    public record BytesSource(byte[] data) implements jakarta.activation.DataSource {
        @Override
        public InputStream getInputStream() {
            return new java.io.ByteArrayInputStream(data);
        }

        @Override
        public java.io.OutputStream getOutputStream() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getContentType() {
            return "application/octet-stream";
        }

        @Override
        public String getName() {
            return "data";
        }
    }

    public static byte[] read(DataHandler h) throws Exception {
        try (InputStream in = h.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
