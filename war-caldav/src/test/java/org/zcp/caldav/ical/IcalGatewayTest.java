package org.zcp.caldav.ical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zcp.caldav.dav.DavResponse;
import org.zcp.caldav.fake.FakeCodecs;
import org.zcp.caldav.fake.FakeServer;
import org.zcp.ical.ItemKind;

class IcalGatewayTest {
    private final FakeServer server = new FakeServer();

    @Test
    void getShouldAnswerTheDefaultCalendarWhole() {
        server.tree.add(1, "Birthdays", "IPF.Appointment");
        server.store(server.calendar, "a.ics", ItemKind.EVENT, FakeCodecs.event("a", "20250101T100000Z",
                "20250101T110000Z", "One"));
        DavResponse r = server.send("GET", "/ical/alice/", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/calendar");
        assertThat(r.text()).contains("SUMMARY:One");
        assertThat(server.send("GET", "/ical/alice/Birthdays", null).status()).isEqualTo(200);
        assertThat(server.send("GET", "/ical/alice/Nope", null).status()).isEqualTo(404);
        assertThat(server.send("GET", "/ical/bob/", null).status()).isEqualTo(404); // no store of bob here
    }

    @Test
    void putShouldReplaceTheCalendarKeepingItemsByUid() {
        server.store(server.calendar, "0000abcd", ItemKind.EVENT, FakeCodecs.event("outlook-1", "20250101T100000Z",
                "20250101T110000Z", "From Outlook"));
        server.store(server.calendar, "old.ics", ItemKind.EVENT, FakeCodecs.event("old", "20250102T100000Z",
                "20250102T110000Z", "Old"));
        String upload = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                + "BEGIN:VEVENT\r\nUID:outlook-1\r\nSUMMARY:Edited\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:new/1\r\nSUMMARY:New\r\nEND:VEVENT\r\n"
                + "BEGIN:VTODO\r\nUID:t1\r\nSUMMARY:Task\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";
        DavResponse r = server.send("PUT", "/ical/alice/Calendar", upload);
        assertThat(r.status()).isEqualTo(204);
        String s = server.logons.logon("alice", "secret", "t", "t").session();
        assertThat(server.items.list(s, server.calendar)).extracting(ref -> ref.name())
                .containsExactlyInAnyOrder("0000abcd", IcalGateway.nameFor("new/1"));
        assertThat(FakeCodecs.text(server.items.get(s, server.calendar, java.util.List.of("0000abcd")).get(0).message()))
                .contains("Edited");
        assertThat(IcalGateway.nameFor("new/1")).matches("[0-9a-f]{32}\\.ics");
        assertThat(IcalGateway.nameFor("abc@example.com")).isEqualTo("abc@example.com.ics");
    }
}
