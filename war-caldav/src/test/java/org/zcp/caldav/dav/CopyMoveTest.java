package org.zcp.caldav.dav;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zcp.caldav.fake.FakeCodecs;
import org.zcp.caldav.fake.FakeFolderTree;
import org.zcp.caldav.fake.FakeServer;
import org.zcp.ical.ItemKind;

/** COPY and MOVE of items between a user's collections (RFC 4918 9.8, 9.9). */
class CopyMoveTest {
    private final FakeServer server = new FakeServer();
    private final long work = server.tree.add(FakeFolderTree.ROOT, "Work", "IPF.Appointment");

    private void lunch() {
        server.store(server.calendar, "e1.ics", ItemKind.EVENT,
                FakeCodecs.event("e1", "20250101T100000Z", "20250101T110000Z", "Lunch"));
    }

    @Test
    void moveShouldPutTheItemInTheOtherCalendarAndTakeItFromTheFirst() {
        lunch();
        DavResponse r = server.send("MOVE", "/caldav/alice/Calendar/e1.ics", null,
                "Destination", "http://localhost:8080/caldav/alice/Work/e1.ics");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("ETag")).matches("\"\\d+\"");
        assertThat(server.send("GET", "/caldav/alice/Work/e1.ics", null).text()).contains("SUMMARY:Lunch");
        assertThat(server.send("GET", "/caldav/alice/Calendar/e1.ics", null).status()).isEqualTo(404);
    }

    @Test
    void copyShouldKeepTheSourceAndOverwriteOnlyWhenAllowed() {
        lunch();
        server.store(work, "e1.ics", ItemKind.EVENT, FakeCodecs.event("e1", "20250101T100000Z", "20250101T110000Z", "Old"));
        DavResponse refused = server.send("COPY", "/caldav/alice/Calendar/e1.ics", null,
                "Destination", "/caldav/alice/Work/e1.ics", "Overwrite", "F");
        assertThat(refused.status()).isEqualTo(412);
        assertThat(server.send("GET", "/caldav/alice/Work/e1.ics", null).text()).contains("SUMMARY:Old");

        DavResponse replaced = server.send("COPY", "/caldav/alice/Calendar/e1.ics", null,
                "Destination", "/caldav/alice/Work/e1.ics");
        assertThat(replaced.status()).isEqualTo(204);
        assertThat(server.send("GET", "/caldav/alice/Work/e1.ics", null).text()).contains("SUMMARY:Lunch");
        assertThat(server.send("GET", "/caldav/alice/Calendar/e1.ics", null).status()).isEqualTo(200);
    }

    @Test
    void aStaleIfMatchShouldMoveNothing() {
        lunch();
        DavResponse r = server.send("MOVE", "/caldav/alice/Calendar/e1.ics", null,
                "Destination", "/caldav/alice/Work/e1.ics", "If-Match", "\"999\"");
        assertThat(r.status()).isEqualTo(412);
        assertThat(server.send("GET", "/caldav/alice/Work/e1.ics", null).status()).isEqualTo(404);
        assertThat(server.send("GET", "/caldav/alice/Calendar/e1.ics", null).status()).isEqualTo(200);
    }

    @Test
    void whatCannotBeCopiedShouldBeRefusedWithTheReason() {
        lunch();
        // into the tasks: a calendar of another component
        DavResponse task = server.send("COPY", "/caldav/alice/Calendar/e1.ics", null,
                "Destination", "/caldav/alice/Tasks/e1.ics");
        assertThat(task.status()).isEqualTo(403);
        assertThat(task.text()).contains("<C:supported-calendar-component/>");
        // into a collection that is not there, or onto a collection, or without a destination
        assertThat(server.send("MOVE", "/caldav/alice/Calendar/e1.ics", null,
                "Destination", "/caldav/alice/Nowhere/e1.ics").status()).isEqualTo(409);
        assertThat(server.send("MOVE", "/caldav/alice/Calendar/e1.ics", null,
                "Destination", "/caldav/alice/Work/").status()).isEqualTo(409);
        assertThat(server.send("MOVE", "/caldav/alice/Calendar/e1.ics", null).status()).isEqualTo(400);
        // a whole calendar
        assertThat(server.send("COPY", "/caldav/alice/Calendar/", null,
                "Destination", "/caldav/alice/Copy/").status()).isEqualTo(403);
        assertThat(server.send("GET", "/caldav/alice/Calendar/e1.ics", null).status()).isEqualTo(200);
    }

    @Test
    void withinOneCalendarAMoveRenamesAndACopyIsAUidConflict() {
        server.send("PUT", "/caldav/alice/Calendar/e1.ics",
                FakeCodecs.event("e1", "20250101T100000Z", "20250101T110000Z", "Lunch"));
        DavResponse copy = server.send("COPY", "/caldav/alice/Calendar/e1.ics", null,
                "Destination", "/caldav/alice/Calendar/e2.ics");
        assertThat(copy.status()).isEqualTo(403);
        assertThat(copy.text()).contains("<C:no-uid-conflict/>");
        assertThat(server.send("MOVE", "/caldav/alice/Calendar/e1.ics", null,
                "Destination", "/caldav/alice/Calendar/e2.ics").status()).isEqualTo(201);
        assertThat(server.send("GET", "/caldav/alice/Calendar/e2.ics", null).text()).contains("SUMMARY:Lunch");
        assertThat(server.send("GET", "/caldav/alice/Calendar/e1.ics", null).status()).isEqualTo(404);
    }

    @Test
    void aContactShouldMoveBetweenAddressBooks() {
        server.tree.add(FakeFolderTree.ROOT, "Friends", "IPF.Contact");
        server.store(server.contacts, "c1.vcf", ItemKind.CONTACT, FakeCodecs.card("c1", "Carol King", "carol@example.com"));
        DavResponse r = server.send("MOVE", "/carddav/alice/Contacts/c1.vcf", null,
                "Destination", "/carddav/alice/Friends/c1.vcf");
        assertThat(r.status()).isEqualTo(201);
        assertThat(server.send("GET", "/carddav/alice/Friends/c1.vcf", null).text()).contains("FN:Carol King");
        assertThat(server.send("GET", "/carddav/alice/Contacts/c1.vcf", null).status()).isEqualTo(404);
    }
}
