package org.zcp.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * zarafa-ical's CalDAV over HTTP against the built server (manual 4.10; issue 11): the corpus of
 * real-world calendar files goes in and comes out with its UID; every hostile file is refused
 * with its RFC 4791/6352 precondition and leaves nothing behind; ETag preconditions, wrong
 * collection kinds, bodies over the limit, logons and other users' homes get their clear answers;
 * sync-collection names what was removed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CalDavIT {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static String alice;
    static String bob;

    @BeforeAll
    static void users() throws Exception {
        String admin = ItServer.admin();
        String company = ItServer.company(admin);
        alice = ItServer.user(admin, company, "alice");
        bob = ItServer.user(admin, company, "bob");
    }

    record Answer(int status, String body, String etag) {
    }

    static Answer send(String user, String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ItServer.icalUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            String password = ItServer.password(user);
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body(), r.headers().firstValue("ETag").orElse(null));
    }

    static String corpus(String path) throws IOException {
        try (InputStream in = CalDavIT.class.getResourceAsStream("/corpus/" + path)) {
            assertThat(in).as("corpus file " + path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String uid(String ics) {
        Matcher m = Pattern.compile("(?m)^UID:(.*)\\r?$").matcher(ics.replace("\r\n ", ""));
        return m.find() ? m.group(1).trim() : null;
    }

    static List<String> hrefs(String multistatus) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<D:href>([^<]*)</D:href>").matcher(multistatus);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    static String home(String user) {
        return "/caldav/" + user + "/";
    }

    @Test
    void everyCorpusFileGoesInAndComesBackWithItsUid() throws Exception {
        String[] files = {"allday-google.ics", "allday-outlook-multiday.ics", "apple-event.ics", "duration-no-dtend.ics",
            "floating.ics", "google-meeting.ics", "moscow-2011.ics", "moscow-2014.ics", "outlook-meeting.ics",
            "rrule-count-across-dst.ics", "rrule-exdate-rdate.ics", "rrule-last-friday.ics",
            "rrule-last-weekday-bysetpos.ics", "rrule-overrides.ics", "rrule-until-across-dst.ics", "sao-paulo-dst.ics",
            "thunderbird-lf-only.ics", "recurring-task.ics", "task-apple-completed.ics", "task-google-simple.ics",
            "task-thunderbird.ics"};
        for (String f : files) {
            String ics = corpus("ical/" + f);
            String folder = ics.contains("BEGIN:VTODO") ? "Tasks" : "Calendar";
            String path = home(alice) + folder + "/" + f;
            Answer put = send(alice, "PUT", path, ics, "Content-Type", "text/calendar; charset=utf-8");
            assertThat(put.status()).as("PUT %s: %s", f, put.body()).isEqualTo(201);
            assertThat(put.etag()).as(f).matches("\"\\d+\"");
            Answer get = send(alice, "GET", path, null);
            assertThat(get.status()).as(f).isEqualTo(200);
            assertThat(get.etag()).as(f).isEqualTo(put.etag());
            assertThat(uid(get.body())).as(f).isEqualTo(uid(ics));
            assertThat(get.body()).as(f).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nEND:VCALENDAR");
        }
        Answer list = send(alice, "PROPFIND", home(alice) + "Calendar/", null, "Depth", "1");
        assertThat(list.status()).isEqualTo(207);
        assertThat(hrefs(list.body())).contains(home(alice) + "Calendar/google-meeting.ics");
    }

    @Test
    void aSeriesMovesToAnotherCalendarAndExpandsIntoItsInstances() throws Exception {
        String ics = corpus("ical/rrule-overrides.ics").replace("series-with-overrides@example.com", "move-series-1");
        assertThat(send(bob, "PUT", home(bob) + "Calendar/series.ics", ics).status()).isEqualTo(201);
        assertThat(send(bob, "MKCALENDAR", home(bob) + "Team/", null).status()).isEqualTo(201);

        Answer moved = send(bob, "MOVE", home(bob) + "Calendar/series.ics", null,
                "Destination", ItServer.icalUrl() + home(bob) + "Team/series.ics");
        assertThat(moved.status()).as(moved.body()).isEqualTo(201);
        assertThat(send(bob, "GET", home(bob) + "Calendar/series.ics", null).status()).isEqualTo(404);
        assertThat(send(bob, "COPY", home(bob) + "Team/series.ics", null,
                "Destination", home(bob) + "Calendar/series.ics", "Overwrite", "F").status()).isEqualTo(201);
        assertThat(send(bob, "COPY", home(bob) + "Team/series.ics", null,
                "Destination", home(bob) + "Calendar/series.ics", "Overwrite", "F").status()).isEqualTo(412);

        String multiget = "<C:calendar-multiget xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:prop>"
                + "<C:calendar-data><C:expand start=\"20250110T000000Z\" end=\"20250131T000000Z\"/></C:calendar-data>"
                + "</D:prop><D:href>" + home(bob) + "Team/series.ics</D:href></C:calendar-multiget>";
        Answer r = send(bob, "REPORT", home(bob) + "Team/", multiget, "Content-Type", "application/xml");
        assertThat(r.status()).isEqualTo(207);
        String data = r.body().replace("&#13;", "").replace("\r", "").replace("\n ", "");
        assertThat(data).contains("RECURRENCE-ID:20250113T130000Z", "DTSTART:20250114T150000Z")
                .contains("RECURRENCE-ID:20250120T130000Z").contains("RECURRENCE-ID:20250127T130000Z")
                .doesNotContain("RRULE").doesNotContain("VTIMEZONE");
    }

    @Test
    void anAttendeeIsFoundByPrincipalSearchAndItsPrincipalAnswers() throws Exception {
        String search = "<D:principal-property-search xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">"
                + "<D:property-search><D:prop><C:calendar-user-address-set/></D:prop><D:match>"
                + bob.substring(0, bob.indexOf('@')) + "</D:match></D:property-search>"
                + "<D:prop><D:displayname/><C:calendar-user-address-set/></D:prop></D:principal-property-search>";
        Answer r = send(alice, "REPORT", "/caldav/principals/", search, "Depth", "0", "Content-Type", "application/xml");
        assertThat(r.status()).as(r.body()).isEqualTo(207);
        List<String> found = hrefs(r.body());
        String bobs = found.stream().filter(h -> h.contains("/caldav/principals/") && h.contains(
                bob.substring(0, bob.indexOf('@')))).findFirst().orElseThrow();
        Answer principal = send(alice, "PROPFIND", bobs, null, "Depth", "0");
        assertThat(principal.status()).as(principal.body()).isEqualTo(207);
        assertThat(principal.body()).contains("calendar-home-set");
    }

    @Test
    void hostileFilesAreRefusedWithTheirPreconditionAndLeaveNothing() throws Exception {
        Properties expected = new Properties();
        try (InputStream in = CalDavIT.class.getResourceAsStream("/corpus/hostile/expected.properties")) {
            expected.load(in);
        }
        String before = send(alice, "PROPFIND", home(alice) + "Calendar/", null, "Depth", "1").body();
        for (String f : expected.stringPropertyNames()) {
            boolean card = f.endsWith(".vcf");
            String path = (card ? "/carddav/" + alice + "/Contacts/" : home(alice) + "Calendar/") + "hostile-" + f;
            Answer put = send(alice, "PUT", path, corpus("hostile/" + f), "Content-Type",
                    card ? "text/vcard" : "text/calendar");
            String element = expected.getProperty(f).toLowerCase().replace('_', '-');
            assertThat(put.status()).as("PUT %s: %s", f, put.body()).isEqualTo(403);
            assertThat(put.body()).as(f).contains(":" + element + "/>");
            assertThat(send(alice, "GET", path, null).status()).as(f).isEqualTo(404);
        }
        assertThat(hrefs(send(alice, "PROPFIND", home(alice) + "Calendar/", null, "Depth", "1").body()))
                .containsExactlyInAnyOrderElementsOf(hrefs(before));
    }

    @Test
    void aBodyOverTenMegabytesIsRefusedWhole() throws Exception {
        String head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:big\r\n"
                + "DTSTAMP:20240101T000000Z\r\nDTSTART:20240101T100000Z\r\nDESCRIPTION:";
        String body = head + "x".repeat(10 * 1024 * 1024) + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        Answer put = send(alice, "PUT", home(alice) + "Calendar/big.ics", body, "Content-Type", "text/calendar");
        assertThat(put.status()).isIn(403, 413);
        assertThat(send(alice, "GET", home(alice) + "Calendar/big.ics", null).status()).isEqualTo(404);
    }

    static String event(String uid, String summary) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:" + uid + "\r\n"
                + "DTSTAMP:20240101T000000Z\r\nDTSTART:20240301T100000Z\r\nDTEND:20240301T110000Z\r\nSUMMARY:"
                + summary + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    @Test
    void etagPreconditionsAreHonouredAndAFailedOneWritesNothing() throws Exception {
        String path = home(alice) + "Calendar/etag-test.ics";
        Answer first = send(alice, "PUT", path, event("etag-test", "one"), "If-None-Match", "*");
        assertThat(first.status()).isEqualTo(201);
        assertThat(send(alice, "PUT", path, event("etag-test", "lost"), "If-None-Match", "*").status())
                .isEqualTo(412);
        Answer second = send(alice, "PUT", path, event("etag-test", "two"), "If-Match", first.etag());
        assertThat(second.status()).isEqualTo(204);
        assertThat(send(alice, "PUT", path, event("etag-test", "lost"), "If-Match", first.etag()).status())
                .isEqualTo(412);
        assertThat(send(alice, "DELETE", path, null, "If-Match", first.etag()).status()).isEqualTo(412);
        Answer now = send(alice, "GET", path, null);
        assertThat(now.body()).contains("SUMMARY:two").doesNotContain("lost");
        assertThat(now.etag()).isEqualTo(second.etag());
    }

    @Test
    void theWrongKindOfItemIsRefusedByTheCollection() throws Exception {
        Answer task = send(alice, "PUT", home(alice) + "Calendar/a-task.ics", corpus("ical/task-google-simple.ics"));
        assertThat(task.status()).isEqualTo(403);
        assertThat(task.body()).contains("supported-calendar-component");
        Answer card = send(alice, "PUT", home(alice) + "Calendar/a-card.ics", corpus("vcard/apple-3.0.vcf"));
        assertThat(card.status()).isEqualTo(403);
    }

    @Test
    void logonAndOtherUsersHomesAreChecked() throws Exception {
        assertThat(send(null, "PROPFIND", home(alice), null, "Depth", "0").status()).isEqualTo(401);
        HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(URI.create(ItServer.icalUrl() + home(alice)))
                .method("PROPFIND", HttpRequest.BodyPublishers.noBody()).header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString((alice + ":wrong").getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        send(alice, "PUT", home(alice) + "Calendar/private.ics", event("private-1", "Alice only"));
        // nothing of alice's is shared with bob: her calendar is not there for him (not even its name)
        assertThat(send(bob, "GET", home(alice) + "Calendar/private.ics", null).status()).isEqualTo(404);
        assertThat(send(bob, "PUT", home(alice) + "Calendar/bob.ics", event("bob-1", "intruder")).status())
                .isIn(403, 404, 409);
        assertThat(hrefs(send(bob, "PROPFIND", home(alice), null, "Depth", "1").body()))
                .noneMatch(h -> h.startsWith(home(alice) + "Calendar"));
        assertThat(send(alice, "GET", home(alice) + "Calendar/bob.ics", null).status()).isEqualTo(404);
        Answer redirect = send(null, "GET", "/.well-known/caldav", null);
        assertThat(redirect.status()).isEqualTo(301);
    }

    @Test
    void anotherUsersCalendarIsSeenAndWrittenAsItsPermissionsAllow() throws Exception {
        String admin = ItServer.admin();
        String company = alice.substring(alice.indexOf('@') + 1);
        String owner = ItServer.user(admin, company, "owner");
        String bobCal = "/caldav/" + owner + "/Calendar/";
        send(owner, "PUT", bobCal + "meeting.ics", event("owner-1", "Owner's meeting"));
        // nothing shared yet: an empty home, and the calendar is not there
        Answer nothing = send(alice, "PROPFIND", home(owner), null, "Depth", "1");
        assertThat(nothing.status()).isEqualTo(207);
        assertThat(hrefs(nothing.body())).doesNotContain(bobCal);
        assertThat(send(alice, "GET", bobCal + "meeting.ics", null).status()).isEqualTo(404);
        // reviewer: the calendar alone appears, readable, not writable
        org.zcp.api.soap.ZarafaCmd c = ItServer.client();
        String sid = ItServer.logon(owner, ItServer.password(owner));
        String calendar = Fixture.folders(c, sid, c.getStore(sid, null).ipmSubtreeId).get("Calendar");
        c.setRights(sid, calendar, List.of(new org.zcp.api.soap.AclEntry(alice, "user",
                org.zcp.api.mapi.Rights.ROLE_REVIEWER)));
        Answer shared = send(alice, "PROPFIND", home(owner), null, "Depth", "1");
        assertThat(hrefs(shared.body())).contains(bobCal).doesNotContain("/caldav/" + owner + "/Tasks/");
        Answer read = send(alice, "GET", bobCal + "meeting.ics", null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).contains("SUMMARY:Owner's meeting");
        String privileges = "<?xml version=\"1.0\"?><D:propfind xmlns:D=\"DAV:\"><D:prop>"
                + "<D:current-user-privilege-set/></D:prop></D:propfind>";
        assertThat(send(alice, "PROPFIND", bobCal, privileges, "Depth", "0").body())
                .contains("<D:read/>").doesNotContain("<D:write/>");
        assertThat(send(alice, "PUT", bobCal + "intruder.ics", event("alice-1", "from alice")).status())
                .isEqualTo(403);
        assertThat(send(owner, "GET", bobCal + "intruder.ics", null).status()).isEqualTo(404);
        // contributor (create, no read): alice may put a new item, and learns nothing of the others
        c.setRights(sid, calendar, List.of(new org.zcp.api.soap.AclEntry(alice, "user",
                org.zcp.api.mapi.Rights.CREATE | org.zcp.api.mapi.Rights.FOLDER_VISIBLE)));
        assertThat(send(alice, "PUT", bobCal + "dropped.ics", event("alice-0", "dropped by alice")).status())
                .isEqualTo(201);
        assertThat(send(alice, "GET", bobCal + "meeting.ics", null).status()).isIn(403, 404);
        // editor: alice may write into it
        c.setRights(sid, calendar, List.of(new org.zcp.api.soap.AclEntry(alice, "user",
                org.zcp.api.mapi.Rights.ROLE_EDITOR)));
        assertThat(send(alice, "PUT", bobCal + "from-alice.ics", event("alice-2", "booked by alice")).status())
                .isEqualTo(201);
        assertThat(send(owner, "GET", bobCal + "from-alice.ics", null).body()).contains("SUMMARY:booked by alice");
    }

    /** What Outlook reads of a recurring event written over CalDAV: MAPI's recurrence blob ([MS-OXOCAL] 2.2.1.44). */
    @Test
    void aRecurringEventHasTheRecurrenceBlobOutlookReads() throws Exception {
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:weekly-1\r\n"
                + "DTSTAMP:20240101T000000Z\r\nDTSTART:20240304T100000Z\r\nDTEND:20240304T110000Z\r\n"
                + "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10\r\nSUMMARY:Weekly sync over CalDAV\r\nEND:VEVENT\r\n"
                + "END:VCALENDAR\r\n";
        assertThat(send(alice, "PUT", home(alice) + "Calendar/weekly-1.ics", ics).status()).isEqualTo(201);
        org.zcp.api.soap.ZarafaCmd c = ItServer.client();
        String sid = ItServer.logon(alice, ItServer.password(alice));
        String calendar = Fixture.folders(c, sid, c.getStore(sid, null).ipmSubtreeId).get("Calendar");
        String entryId = null;
        for (org.zcp.api.soap.Row r : c.queryContents(sid, calendar, Fixture.columns(org.zcp.api.mapi.PropTag.PR_ENTRYID,
                org.zcp.api.mapi.PropTag.PR_SUBJECT)).rows) {
            if ("Weekly sync over CalDAV".equals(org.zcp.api.soap.PropValues.string(r.props,
                    org.zcp.api.mapi.PropTag.PR_SUBJECT))) {
                entryId = Fixture.hex(org.zcp.api.soap.PropValues.binary(r.props, org.zcp.api.mapi.PropTag.PR_ENTRYID));
            }
        }
        assertThat(entryId).as("the event over SOAP").isNotNull();
        String appointment = "00062002-0000-0000-C000-000000000046";
        List<Integer> ids = c.getIDsFromNames(sid, List.of(org.zcp.api.soap.NamedProp.ofId(appointment, 0x8216),
                org.zcp.api.soap.NamedProp.ofId(appointment, 0x8223)), false);
        List<org.zcp.api.soap.PropValue> props = c.loadMessage(sid, entryId).props;
        byte[] blob = org.zcp.api.soap.PropValues.binary(props, ids.get(0) << 16 | 0x0102);
        assertThat(blob).as("PidLidAppointmentRecur").isNotNull();
        // ReaderVersion 0x3004, WriterVersion 0x3004, weekly (0x200B), pattern type 1 (week)
        assertThat(java.util.Arrays.copyOf(blob, 8)).containsExactly(0x04, 0x30, 0x04, 0x30, 0x0B, 0x20, 0x01, 0x00);
        assertThat(org.zcp.api.soap.PropValues.find(props, ids.get(1) << 16 | 0x000B).b).as("PidLidRecurring").isTrue();
    }

    @Test
    void syncCollectionNamesWhatChangedAndWhatWasRemoved() throws Exception {
        String cal = home(alice) + "Calendar/";
        send(alice, "PUT", cal + "sync-a.ics", event("sync-a", "a"));
        send(alice, "PUT", cal + "sync-b.ics", event("sync-b", "b"));
        String report = "<?xml version=\"1.0\"?><D:sync-collection xmlns:D=\"DAV:\"><D:sync-token>%s</D:sync-token>"
                + "<D:sync-level>1</D:sync-level><D:prop><D:getetag/></D:prop></D:sync-collection>";
        Answer all = send(alice, "REPORT", cal, String.format(report, ""), "Content-Type", "application/xml");
        assertThat(all.status()).isEqualTo(207);
        Matcher t = Pattern.compile("<D:sync-token>([^<]+)</D:sync-token>").matcher(all.body());
        assertThat(t.find()).isTrue();
        String token = t.group(1);
        assertThat(send(alice, "DELETE", cal + "sync-a.ics", null).status()).isEqualTo(204);
        send(alice, "PUT", cal + "sync-c.ics", event("sync-c", "c"));
        Answer delta = send(alice, "REPORT", cal, String.format(report, token), "Content-Type", "application/xml");
        assertThat(delta.status()).isEqualTo(207);
        assertThat(hrefs(delta.body())).containsExactlyInAnyOrder(cal + "sync-a.ics", cal + "sync-c.ics");
        assertThat(delta.body()).contains("404");
        Answer bad = send(alice, "REPORT", cal, String.format(report, "http://zcp.org/ns/sync/1/999999999"),
                "Content-Type", "application/xml");
        assertThat(bad.status()).isEqualTo(403);
        assertThat(bad.body()).contains("valid-sync-token");
    }

    @Test
    void theGlobalAddressBookIsReadOnlyCardDav() throws Exception {
        Answer list = send(alice, "PROPFIND", "/carddav/" + alice + "/gal/", "<D:propfind xmlns:D=\"DAV:\"><D:prop>"
                + "<D:getetag/></D:prop></D:propfind>", "Depth", "1");
        assertThat(list.status()).isEqualTo(207);
        String bobCard = hrefs(list.body()).stream().filter(h -> h.endsWith(".vcf"))
                .filter(h -> {
                    try {
                        return send(alice, "GET", h, null).body().contains("X-ZCP-LOGIN:" + bob);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).findFirst().orElseThrow(() -> new AssertionError("bob is not in the GAL: " + list.body()));
        Answer card = send(alice, "GET", bobCard, null);
        assertThat(card.body()).contains("BEGIN:VCARD", "FN:Bob Tester", "EMAIL;TYPE=work:");
        assertThat(card.etag()).isNotBlank();
        assertThat(send(alice, "PUT", bobCard, card.body(), "Content-Type", "text/vcard").status()).isEqualTo(403);
        assertThat(send(alice, "DELETE", bobCard, null).status()).isEqualTo(403);
        assertThat(send(bob, "PROPFIND", "/carddav/" + alice + "/gal/", null, "Depth", "0").status()).isEqualTo(404);
    }

    @Test
    void aPublicFolderCalendarIsServedUnderPublic() throws Exception {
        var c = ItServer.client();
        String s = ItServer.logon(alice, ItServer.password(alice));
        String subtree = c.getPublicStore(s, null).ipmSubtreeId;
        String name = "Team events " + java.util.UUID.randomUUID().toString().substring(0, 6);
        c.createFolder(s, subtree, name, "IPF.Appointment", false);

        Answer home = send(alice, "PROPFIND", "/caldav/public/", "<D:propfind xmlns:D=\"DAV:\"><D:prop>"
                + "<D:displayname/></D:prop></D:propfind>", "Depth", "1");
        assertThat(home.status()).isEqualTo(207);
        assertThat(home.body()).contains(name);
        String coll = hrefs(home.body()).stream().filter(h -> h.startsWith("/caldav/public/") && h.length() > 15)
                .findFirst().orElseThrow();
        String event = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//it//EN\r\nBEGIN:VEVENT\r\nUID:pub-1\r\n"
                + "DTSTAMP:20260101T000000Z\r\nDTSTART:20270101T100000Z\r\nDTEND:20270101T110000Z\r\n"
                + "SUMMARY:All hands\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        assertThat(send(alice, "PUT", coll + "pub-1.ics", event, "Content-Type", "text/calendar").status())
                .isEqualTo(201);
        assertThat(send(alice, "GET", coll + "pub-1.ics", null).body()).contains("SUMMARY:All hands");
        // the store decides who sees what: a new public folder takes the rights of the public subtree,
        // where Everyone reads (manual 8.1), so bob of the same company reads it too
        Answer bobs = send(bob, "PROPFIND", "/caldav/public/", "<D:propfind xmlns:D=\"DAV:\"><D:prop>"
                + "<D:displayname/></D:prop></D:propfind>", "Depth", "1");
        assertThat(bobs.body()).contains(name);
        assertThat(send(bob, "GET", coll + "pub-1.ics", null).body()).contains("SUMMARY:All hands");
    }
}
