package org.zcp.caldav.dav;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zcp.caldav.fake.FakeCodecs;
import org.zcp.caldav.fake.FakeServer;
import org.zcp.ical.ItemKind;

class ItemMethodsTest {
    private final FakeServer server = new FakeServer();
    private final String event = FakeCodecs.event("e1", "20250101T100000Z", "20250101T110000Z", "Lunch");

    @Test
    void putShouldCreateThenReplaceWithNewETags() {
        DavResponse created = server.send("PUT", "/caldav/alice/Calendar/e1.ics", event, "If-None-Match", "*");
        assertThat(created.status()).isEqualTo(201);
        String etag = created.header("ETag");
        assertThat(etag).matches("\"\\d+\"");
        DavResponse replaced = server.send("PUT", "/caldav/alice/Calendar/e1.ics", event.replace("Lunch", "Dinner"),
                "If-Match", etag);
        assertThat(replaced.status()).isEqualTo(204);
        assertThat(replaced.header("ETag")).isNotEqualTo(etag);
        DavResponse again = server.send("PUT", "/caldav/alice/Calendar/e1.ics", event);
        assertThat(again.status()).isEqualTo(204);
    }

    @Test
    void putWithAStaleETagShouldFailAt412AndWriteNothing() {
        String etag = server.send("PUT", "/caldav/alice/Calendar/e1.ics", event).header("ETag");
        server.send("PUT", "/caldav/alice/Calendar/e1.ics", event.replace("Lunch", "Brunch"));
        DavResponse r = server.send("PUT", "/caldav/alice/Calendar/e1.ics", event.replace("Lunch", "Dinner"),
                "If-Match", etag);
        assertThat(r.status()).isEqualTo(412);
        assertThat(server.send("GET", "/caldav/alice/Calendar/e1.ics", null).text()).contains("Brunch");
        assertThat(server.send("PUT", "/caldav/alice/Calendar/e1.ics", event, "If-None-Match", "*").status())
                .isEqualTo(412);
        assertThat(server.send("PUT", "/caldav/alice/Calendar/new.ics", event, "If-Match", "*").status())
                .isEqualTo(412);
    }

    @Test
    void aSecondItemWithTheSameUidShouldBeRefusedWithNoUidConflict() {
        assertThat(server.send("PUT", "/caldav/alice/Calendar/a.ics", event).status()).isEqualTo(201);
        DavResponse r = server.send("PUT", "/caldav/alice/Calendar/b.ics", event.replace("Lunch", "Copy"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text()).contains("<C:no-uid-conflict/>").contains("/caldav/alice/Calendar/a.ics");
        assertThat(server.send("GET", "/caldav/alice/Calendar/b.ics", null).status()).isEqualTo(404);
        // the item itself may be replaced, and another calendar may hold the same UID
        assertThat(server.send("PUT", "/caldav/alice/Calendar/a.ics", event.replace("Lunch", "Dinner")).status())
                .isEqualTo(204);
        assertThat(server.send("PUT", "/caldav/alice/Tasks/a.ics", FakeCodecs.task("e1", "Book table")).status())
                .isEqualTo(201);
        // a vCard likewise
        String card = FakeCodecs.card("c1", "Carol King", "carol@example.com");
        assertThat(server.send("PUT", "/carddav/alice/Contacts/c1.vcf", card).status()).isEqualTo(201);
        DavResponse twice = server.send("PUT", "/carddav/alice/Contacts/c2.vcf", card);
        assertThat(twice.status()).isEqualTo(403);
        assertThat(twice.text()).contains("<CR:no-uid-conflict/>");
    }

    @Test
    void aTaskInACalendarOfEventsShouldBeRefusedWithThePrecondition() {
        DavResponse r = server.send("PUT", "/caldav/alice/Calendar/t.ics", FakeCodecs.task("t", "Buy milk"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text()).contains("<C:supported-calendar-component/>");
        assertThat(server.send("PUT", "/caldav/alice/Tasks/t.ics", FakeCodecs.task("t", "Buy milk")).status())
                .isEqualTo(201);
    }

    @Test
    void dataTheConversionRefusesShouldCarryItsPrecondition() {
        DavResponse r = server.send("PUT", "/caldav/alice/Calendar/x.ics", "hello");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text()).contains("<C:valid-calendar-data/>")
                .containsPattern("<[^>]*message[^>]*>[^<]+</[^>]*message>"); // the reason, in words
        DavResponse card = server.send("PUT", "/carddav/alice/Contacts/x.vcf", "hello");
        assertThat(card.text()).contains("<CR:valid-address-data/>");
    }

    @Test
    void aBodyOverTheLimitShouldBe413WithMaxResourceSize() {
        DavRequest big = new DavRequest("PUT", "/caldav/alice/Calendar/big.ics", java.util.Map.of("Authorization",
                java.util.List.of(FakeServer.basic("alice", "secret"))), null, true, "127.0.0.1");
        DavResponse r = server.service.handle(big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.text()).contains("<C:max-resource-size/>");
    }

    @Test
    void putIntoAMissingCollectionShouldBe409() {
        assertThat(server.send("PUT", "/caldav/alice/Nope/e1.ics", event).status()).isEqualTo(409);
    }

    @Test
    void getShouldAnswerTheItemWithItsETagAnd304WhenUnchanged() {
        long seq = server.store(server.calendar, "e1.ics", ItemKind.EVENT, event);
        DavResponse r = server.send("GET", "/caldav/alice/Calendar/e1.ics", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("ETag")).isEqualTo("\"" + seq + "\"");
        assertThat(r.header("Content-Type")).isEqualTo("text/calendar; charset=utf-8");
        assertThat(r.text()).isEqualTo(event);
        DavResponse head = server.send("HEAD", "/caldav/alice/Calendar/e1.ics", null);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(event.length()));
        assertThat(server.send("GET", "/caldav/alice/Calendar/e1.ics", null, "If-None-Match", "\"" + seq + "\"")
                .status()).isEqualTo(304);
        assertThat(server.send("GET", "/caldav/alice/Calendar/none.ics", null).status()).isEqualTo(404);
    }

    @Test
    void getOfAContactShouldBeAVCardOfTheAskedVersion() {
        server.store(server.contacts, "c.vcf", ItemKind.CONTACT, FakeCodecs.card("c", "Carol", "carol@example.com"));
        DavResponse r = server.send("GET", "/carddav/alice/Contacts/c.vcf", null);
        assertThat(r.header("Content-Type")).isEqualTo("text/vcard; charset=utf-8");
        assertThat(r.text()).contains("FN:Carol").contains("VERSION:3.0");
    }

    @Test
    void deleteShouldHonourIfMatch() {
        long seq = server.store(server.calendar, "e1.ics", ItemKind.EVENT, event);
        assertThat(server.send("DELETE", "/caldav/alice/Calendar/e1.ics", null, "If-Match", "\"" + (seq + 5) + "\"")
                .status()).isEqualTo(412);
        assertThat(server.send("DELETE", "/caldav/alice/Calendar/e1.ics", null, "If-Match", "\"" + seq + "\"")
                .status()).isEqualTo(204);
        assertThat(server.send("DELETE", "/caldav/alice/Calendar/e1.ics", null).status()).isEqualTo(404);
    }

    @Test
    void getOfACalendarCollectionShouldJoinItsItems() {
        server.store(server.calendar, "e1.ics", ItemKind.EVENT, event);
        server.store(server.calendar, "e2.ics", ItemKind.EVENT, event.replace("e1", "e2"));
        String text = server.send("GET", "/caldav/alice/Calendar/", null).text();
        assertThat(text).startsWith("BEGIN:VCALENDAR").contains("UID:e1").contains("UID:e2");
        assertThat(text.split("BEGIN:VCALENDAR", -1)).hasSize(2);
    }
}
