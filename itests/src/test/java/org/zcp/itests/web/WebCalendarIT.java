package org.zcp.itests.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.zcp.api.soap.UserDetails;
import org.zcp.api.soap.ZarafaCmd;
import org.zcp.itests.ItServer;
import org.zcp.itests.SmtpSink;

/**
 * The web client's calendar against the test server (docs/webaccess.md, "Calendar, free/busy,
 * meeting requests and sharing"): a recurring meeting with a colleague and a room made in the
 * browser's event form, the invitations leaving through the spooler as iMIP mail and delivered
 * (as Postfix would) over LMTP, the room answering by itself (manual 8.8), the colleague accepting
 * from the meeting request in the browser's mail view, the organizer's copy showing both answers; one
 * occurrence deleted; the calendar shared with the reviewer role and opened by the colleague,
 * in the API and in Chromium. H2 execution only, as WebAccessIT.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ExtendWith(Browser.Watcher.class)
class WebCalendarIT {
    static ZarafaCmd c;
    static String admin;

    record User(String login, String password, String email) {
    }

    @BeforeAll
    static void setUp() throws Exception {
        c = ItServer.client();
        admin = ItServer.admin();
    }

    static User user(String company, String name) throws Exception {
        String login = ItServer.user(admin, company, name);
        return new User(login, ItServer.password(login), c.getUser(admin, login).email);
    }

    static WebApi logon(User u) throws Exception {
        WebApi api = new WebApi(ItServer.webUrl());
        HttpResponse<String> r = api.logon(u.login(), u.password());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return api;
    }

    static Map<String, Object> ok(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.request().method() + " " + r.uri() + ": " + r.body()).isEqualTo(status);
        return r.body().isEmpty() ? Map.of() : WebApi.map(r);
    }

    static Map<String, Object> defaultCalendar(WebApi api) throws Exception {
        return WebApi.list(ok(api.get("api/calendars"), 200), "calendars").stream()
                .filter(cal -> Boolean.TRUE.equals(cal.get("default"))).findFirst()
                .orElseThrow(() -> new AssertionError("no default calendar"));
    }

    static List<Map<String, Object>> events(WebApi api, Object calendar, ZonedDateTime from, ZonedDateTime to)
            throws Exception {
        return WebApi.list(ok(api.get("api/calendars/" + calendar + "/events?from=" + enc(from.toInstant().toString())
                + "&to=" + enc(to.toInstant().toString())), 200), "events");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Takes the iMIP mail the spooler relayed to {@code to} and delivers it there over LMTP, as Postfix would. */
    static SmtpSink.Received relayTo(SmtpSink sink, String to, String marker, String method) throws Exception {
        SmtpSink.Received m = sink.await(r -> r.to().contains(to) && r.data().contains(marker)
                && r.data().replace("\r\n ", "").contains("METHOD:" + method), 30);
        Mail.deliver(to, m.data());
        return m;
    }

    /** Sets a form control's value as a user's input would (date and time fields take keys in the browser's locale). */
    static void set(Browser b, String id, String value) {
        b.script("const e = document.getElementById(arguments[0]); e.value = arguments[1];"
                + "e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));",
                id, value);
    }

    static void addAttendee(Browser b, String email, String type) {
        b.visible(By.id("event-attendee-input")).sendKeys(email);
        set(b, "event-attendee-type", type);
        b.click(By.id("event-attendee-add"));
        b.visible(By.cssSelector("[data-attendee-email='" + email + "']"));
    }

    @Test
    void aRecurringMeetingWithARoomIsAnsweredFromTheMailViewAndTheCalendarIsShared() throws Exception {
        String company = ItServer.company(admin);
        User alice = user(company, "alice");
        User bob = user(company, "bob");
        User room = user(company, "room");
        UserDetails settings = new UserDetails();
        settings.groups = null;
        settings.enabledFeatures = null;
        settings.disabledFeatures = null;
        settings.mrAccept = true;
        c.setUser(admin, room.login(), settings);
        SmtpSink sink = SmtpSink.get();
        String id = UUID.randomUUID().toString().substring(0, 8);
        String subject = "Kick-off " + id;

        WebApi a = logon(alice);
        Map<String, Object> cal = defaultCalendar(a);
        assertThat(cal.get("mine")).isEqualTo(true);
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        LocalDate monday = LocalDate.now(zone).plusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        ZonedDateTime nine = monday.atTime(9, 0).atZone(zone);

        // alice makes the meeting in the browser: weekly on Mondays, four times, with bob and a room
        Browser ab = Browser.desktop("web-calendar-create");
        WebAccessIT.logon(ab, WebAccessIT.web(), new WebAccessIT.User(alice.login(), alice.password(), alice.email()));
        ab.click(By.id("nav-calendar"));
        ab.click(By.id("cal-new"));
        ab.visible(By.id("event-subject")).sendKeys(subject);
        ab.driver().findElement(By.id("event-location")).sendKeys("Room " + id);
        set(ab, "event-timezone", "Europe/Amsterdam");
        set(ab, "event-start-date", monday.toString());
        set(ab, "event-start-time", "09:00");
        set(ab, "event-end-date", monday.toString());
        set(ab, "event-end-time", "10:00");
        set(ab, "event-recurrence", "weekly");
        if (!ab.driver().findElement(By.id("event-byday-MO")).isSelected()) ab.click(By.id("event-byday-MO"));
        ab.click(By.id("event-end-count"));
        set(ab, "event-count", "4");
        addAttendee(ab, bob.email(), "required");
        addAttendee(ab, room.email(), "resource");
        ab.until("the free/busy grid with both attendees", d -> d.findElements(By.cssSelector("#event-freebusy [data-fb-user]")).size() >= 2);
        ab.screenshot("web-calendar-event-form");
        ab.click(By.id("event-save"));
        ab.gone(By.id("event-subject"));
        ab.click(By.id("cal-view-agenda"));
        ab.until("the meeting in the agenda", d -> !d.findElements(By.cssSelector("[data-event-id][data-calendar-id='"
                + cal.get("id") + "']")).isEmpty());
        ab.screenshot("web-calendar-agenda");
        ab.assertNoAlert();

        List<Map<String, Object>> four = events(a, cal.get("id"), nine.minusDays(1), nine.plusWeeks(5));
        assertThat(four).hasSize(4).allSatisfy(e -> {
            assertThat(e.get("subject")).isEqualTo(subject);
            assertThat(e.get("recurring")).isEqualTo(true);
            assertThat(e.get("myResponse")).isEqualTo("organizer");
        });
        assertThat(four.get(0).get("start")).isEqualTo(nine.toInstant().toString());
        assertThat(four.get(1).get("start")).isEqualTo(nine.plusWeeks(1).toInstant().toString());
        String eventId = (String) four.get(0).get("id");
        Map<String, Object> event = new HashMap<>();
        event.put("subject", subject);
        event.put("start", nine.toInstant().toString());
        event.put("end", nine.plusHours(1).toInstant().toString());

        // the invitations leave as iMIP mail; the room answers by itself, its answer reaches alice
        relayTo(sink, room.email(), subject, "REQUEST");
        relayTo(sink, bob.email(), subject, "REQUEST");
        relayTo(sink, alice.email(), room.email(), "REPLY");

        // bob answers from the meeting request in his Inbox, in the browser
        WebApi b = logon(bob);
        String inbox = (String) b.special("inbox").get("id");
        Map<String, Object> request = b.rows(inbox).stream().filter(r -> String.valueOf(r.get("subject")).contains(subject))
                .findFirst().orElseThrow(() -> new AssertionError("no meeting request in bob's Inbox"));
        Map<String, Object> message = ok(b.get("api/messages/" + request.get("id")), 200);
        @SuppressWarnings("unchecked")
        Map<String, Object> meeting = (Map<String, Object>) message.get("meeting");
        assertThat(meeting).as("the meeting of " + message.get("messageClass")).isNotNull();
        assertThat(meeting.get("method")).isEqualTo("request");
        assertThat(meeting.get("eventId")).as("the meeting in bob's calendar").isNotNull();
        assertThat(meeting.get("myResponse")).isEqualTo("needs-action");
        Browser bb = Browser.desktop("web-calendar-accept");
        WebAccessIT.logon(bb, WebAccessIT.web(), new WebAccessIT.User(bob.login(), bob.password(), bob.email()));
        WebAccessIT.openMessage(bb, (String) request.get("subject"));
        bb.visible(By.id("reader-meeting"));
        bb.screenshot("web-meeting-request");
        bb.click(By.id("meeting-accept"));
        bb.until("the answer shown", d -> "true".equals(d.findElement(By.id("meeting-accept")).getDomAttribute("aria-pressed")));
        bb.assertNoAlert();
        @SuppressWarnings("unchecked")
        Map<String, Object> answered = (Map<String, Object>) ok(b.get("api/messages/" + request.get("id")), 200).get("meeting");
        assertThat(answered.get("myResponse")).isEqualTo("accepted");
        assertThat(events(b, defaultCalendar(b).get("id"), nine.minusDays(1), nine.plusDays(1))).singleElement()
                .satisfies(e -> {
                    assertThat(e.get("myResponse")).isEqualTo("accepted");
                    assertThat(e.get("busy")).as("bob's copy once accepted").isEqualTo("busy");
                });
        relayTo(sink, alice.email(), bob.email(), "REPLY");

        Map<String, Object> organizers = ok(a.get("api/calendars/" + cal.get("id") + "/events/" + eventId), 200);
        assertThat(WebApi.list(organizers, "attendees")).extracting(p -> p.get("email") + "=" + p.get("status"))
                .containsExactlyInAnyOrder(bob.email() + "=accepted", room.email() + "=accepted");
        @SuppressWarnings("unchecked")
        Map<String, Object> rule = (Map<String, Object>) organizers.get("recurrence");
        assertThat(rule).containsEntry("freq", "weekly").containsEntry("count", 4L);

        // free/busy: bob's accepted meeting is busy time the organizer's grid shows
        Map<String, Object> fb = ok(a.get("api/freebusy?users=" + enc(bob.email() + ",nobody-" + id + "@example.org")
                + "&from=" + enc(nine.minusHours(1).toInstant().toString()) + "&to=" + enc(nine.plusHours(3).toInstant().toString())), 200);
        List<Map<String, Object>> users = WebApi.list(fb, "users");
        assertThat(users.get(0).get("known")).isEqualTo(true);
        assertThat(WebApi.list(users.get(0), "busy")).extracting(p -> p.get("start"))
                .containsExactly(nine.toInstant().toString());
        assertThat(users.get(1).get("known")).isEqualTo(false);

        // one occurrence deleted: three are left, the attendees are told
        ok(a.send("DELETE", "api/calendars/" + cal.get("id") + "/events/" + eventId + "?occurrence="
                + enc(four.get(2).get("occurrence").toString()), null,
                Map.of(WebApi.CSRF, a.csrf, "If-Match", "\"" + organizers.get("etag") + "\"")), 204);
        assertThat(events(a, cal.get("id"), nine.minusDays(1), nine.plusWeeks(5))).hasSize(3);
        sink.await(r -> r.to().contains(bob.email()) && r.data().contains(subject)
                && r.data().replace("\r\n ", "").contains("EXDATE"), 30);
        // a stale etag is refused and changes nothing
        HttpResponse<String> stale = a.send("DELETE", "api/calendars/" + cal.get("id") + "/events/" + eventId, null,
                Map.of(WebApi.CSRF, a.csrf, "If-Match", "\"" + organizers.get("etag") + "\""));
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(events(a, cal.get("id"), nine.minusDays(1), nine.plusWeeks(5))).hasSize(3);

        // not shared yet: bob cannot open alice's calendar
        assertThat(b.call("POST", "api/calendars/open", Map.of("user", alice.login())).statusCode()).isEqualTo(403);
        // alice shares her calendar with bob as reviewer
        ok(a.call("PUT", "api/folders/" + cal.get("folderId") + "/permissions",
                Map.of("permissions", List.of(Map.of("user", bob.login(), "rights", 0x401)))), 204);
        List<Map<String, Object>> perms = WebApi.list(ok(a.get("api/folders/" + cal.get("folderId") + "/permissions"), 200),
                "permissions");
        assertThat(perms).anySatisfy(p -> {
            assertThat(String.valueOf(p.get("user"))).isEqualToIgnoringCase(bob.login());
            assertThat(p.get("role")).isEqualTo("reviewer");
        });
        Map<String, Object> shared = ok(b.call("POST", "api/calendars/open", Map.of("user", alice.login())), 200);
        assertThat(shared.get("mine")).isEqualTo(false);
        assertThat(WebApi.list(ok(b.get("api/calendars"), 200), "calendars")).extracting(x -> x.get("id"))
                .contains(shared.get("id"));
        assertThat(events(b, shared.get("id"), nine.minusDays(1), nine.plusWeeks(5))).hasSize(3)
                .allSatisfy(e -> assertThat(e.get("subject")).isEqualTo(subject));
        // a reviewer reads, but cannot write
        HttpResponse<String> write = b.call("POST", "api/calendars/" + shared.get("id") + "/events", event);
        assertThat(write.statusCode()).as(write.body()).isEqualTo(403);

        // in the browser: bob shows alice's calendar beside his own
        bb.driver().navigate().refresh();
        bb.visible(WebAccessIT.APP);
        bb.click(By.id("nav-calendar"));
        By sharedRow = By.cssSelector("[data-calendar-id='" + shared.get("id") + "'] .cal-check");
        bb.visible(sharedRow);
        if (!bb.driver().findElement(sharedRow).isSelected()) bb.click(sharedRow);
        bb.click(By.id("cal-view-agenda"));
        bb.until("alice's meeting shown from her calendar", d -> !d.findElements(By.cssSelector("[data-event-id='" + eventId
                + "'][data-calendar-id='" + shared.get("id") + "']")).isEmpty());
        assertThat(bb.driver().findElement(By.cssSelector("[data-calendar-id='" + shared.get("id") + "']")).getText())
                .contains("Alice Tester");
        bb.screenshot("web-calendar-shared");
        bb.assertNoAlert();

        // bob proposes a later time from the request; alice takes the proposal from her Inbox
        ZonedDateTime eleven = nine.plusHours(2);
        ok(b.call("POST", "api/messages/" + request.get("id") + "/respond", Map.of("answer", "tentative",
                "proposedStart", eleven.toInstant().toString(), "proposedEnd", eleven.plusHours(1).toInstant().toString(),
                "comment", "later, please")), 204);
        relayTo(sink, alice.email(), bob.email(), "COUNTER");
        String aliceInbox = (String) a.special("inbox").get("id");
        Map<String, Object> proposal = a.rows(aliceInbox).stream()
                .filter(r -> String.valueOf(r.get("messageClass")).equals("IPM.Schedule.Meeting.Resp.Tent"))
                .findFirst().orElseThrow(() -> new AssertionError("no proposal in alice's Inbox"));
        @SuppressWarnings("unchecked")
        Map<String, Object> proposed = (Map<String, Object>) ok(a.get("api/messages/" + proposal.get("id")), 200).get("meeting");
        assertThat(proposed.get("method")).isEqualTo("counter");
        assertThat(proposed.get("start")).isEqualTo(eleven.toInstant().toString());
        assertThat(((Map<?, ?>) proposed.get("from")).get("email")).isEqualTo(bob.email());
        assertThat(b.call("POST", "api/messages/" + request.get("id") + "/accept-proposal", null).statusCode())
                .as("a request is no proposal").isEqualTo(400);
        ok(a.call("POST", "api/messages/" + proposal.get("id") + "/accept-proposal", null), 204);
        assertThat(events(a, cal.get("id"), nine.minusDays(1), nine.plusWeeks(5))).first()
                .satisfies(e -> assertThat(e.get("start")).isEqualTo(eleven.toInstant().toString()));
        SmtpSink.Received update = sink.await(r -> r.to().contains(bob.email()) && r.data().contains(subject)
                && r.data().replace("\r\n ", "").contains("METHOD:REQUEST") && r.data().contains("T110000"), 30);
        assertThat(update.data().replace("\r\n ", "")).contains("SEQUENCE:2");
    }
}
