package org.zcp.itests.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
import org.zcp.api.soap.ZarafaCmd;
import org.zcp.itests.ItServer;

/**
 * Contacts, tasks, notes and the global address book of the web client (docs/webaccess.md,
 * "Contacts, tasks, notes and the global address book") against the test server: a contact made
 * through the API is the vCard CardDAV serves and what address completion offers; a task is the
 * VTODO CalDAV serves, completed and deleted; notes are made, recoloured and deleted; the
 * colleague is in the global address book and an outsider's company is not. H2 execution only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ExtendWith(Browser.Watcher.class)
class WebContactsIT {
    static ZarafaCmd c;
    static String admin;

    @BeforeAll
    static void setUp() throws Exception {
        c = ItServer.client();
        admin = ItServer.admin();
    }

    static WebApi logon(String login) throws Exception {
        WebApi api = new WebApi(ItServer.webUrl());
        HttpResponse<String> r = api.logon(login, ItServer.password(login));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return api;
    }

    /** A GET of CalDAV/CardDAV (the ical listener) as the user, with Basic authentication. */
    static HttpResponse<String> dav(String login, String path) throws Exception {
        String auth = java.util.Base64.getEncoder().encodeToString((login + ":" + ItServer.password(login))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.net.http.HttpRequest r = java.net.http.HttpRequest.newBuilder(java.net.URI.create(ItServer.icalUrl() + path))
                .header("Authorization", "Basic " + auth).GET().build();
        return WebApi.client(null).send(r, HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, Object> ok(HttpResponse<String> r, int status) {
        return WebCalendarIT.ok(r, status);
    }

    static Map<String, Object> first(WebApi api, String path, String key) throws Exception {
        return WebApi.list(ok(api.get(path), 200), key).stream().filter(f -> Boolean.TRUE.equals(f.get("default")))
                .findFirst().orElseThrow(() -> new AssertionError("no default folder in " + path));
    }

    @Test
    void contactsTasksAndNotesAreTheItemsDavClientsSee() throws Exception {
        String company = ItServer.company(admin);
        String login = ItServer.user(admin, company, "dora");
        String colleague = ItServer.user(admin, company, "eric");
        String outsider = ItServer.user(admin, ItServer.company(admin), "olaf");
        String id = UUID.randomUUID().toString().substring(0, 8);
        WebApi api = logon(login);

        // a contact: made here, a vCard for CardDAV, offered by address completion
        Map<String, Object> book = first(api, "api/contacts", "addressbooks");
        Map<String, Object> contact = new HashMap<>();
        contact.put("givenName", "Anna");
        contact.put("surname", "Zuiderveld " + id);
        contact.put("company", "Acme");
        contact.put("emails", List.of(Map.of("type", "work", "value", "anna-" + id + "@acme.example")));
        contact.put("phones", List.of(Map.of("type", "mobile", "value", "+31 6 1234 5678")));
        contact.put("birthday", "1980-05-17");
        contact.put("notes", "Met at the fair");
        Map<String, Object> made = ok(api.call("POST", "api/contacts/" + book.get("id") + "/items", contact), 201);
        List<Map<String, Object>> rows = WebApi.list(ok(api.get("api/contacts/" + book.get("id") + "/items?q=" + id), 200),
                "contacts");
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("displayName")).isEqualTo("Anna Zuiderveld " + id);
            assertThat(r.get("email")).isEqualTo("anna-" + id + "@acme.example");
            assertThat(r.get("company")).isEqualTo("Acme");
        });
        HttpResponse<String> card = dav(login, "/carddav/" + login + "/Contacts/" + made.get("id"));
        assertThat(card.statusCode()).as(card.body()).isEqualTo(200);
        assertThat(card.body()).contains("FN:Anna Zuiderveld " + id, "anna-" + id + "@acme.example", "BDAY");
        List<Map<String, Object>> completion = WebApi.list(ok(api.get("api/addresses?q=zuiderveld"), 200), "entries");
        assertThat(completion).anySatisfy(e -> {
            assertThat(e.get("email")).isEqualTo("anna-" + id + "@acme.example");
            assertThat(e.get("source")).isEqualTo("contact");
        });
        Map<String, Object> read = ok(api.get("api/contacts/" + book.get("id") + "/items/" + made.get("id")), 200);
        read.put("jobTitle", "Buyer");
        ok(api.send("PUT", "api/contacts/" + book.get("id") + "/items/" + made.get("id"), read,
                Map.of(WebApi.CSRF, api.csrf, "If-Match", "\"" + read.get("etag") + "\"")), 200);
        assertThat(dav(login, "/carddav/" + login + "/Contacts/" + made.get("id")).body())
                .contains("TITLE:Buyer", "NOTE:Met at the fair");
        // a stale etag changes nothing
        HttpResponse<String> stale = api.send("PUT", "api/contacts/" + book.get("id") + "/items/" + made.get("id"), contact,
                Map.of(WebApi.CSRF, api.csrf, "If-Match", "\"" + read.get("etag") + "\""));
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        HttpResponse<String> bad = api.call("POST", "api/contacts/" + book.get("id") + "/items",
                Map.of("emails", List.of(Map.of("type", "work", "value", "not an address"))));
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);

        // a task: the VTODO CalDAV serves, completed, deleted
        Map<String, Object> list = first(api, "api/tasks", "lists");
        Map<String, Object> task = new HashMap<>(Map.of("subject", "Report " + id, "due", "2027-01-15",
                "status", "in-process", "percent", 40, "priority", "high"));
        Map<String, Object> t = ok(api.call("POST", "api/tasks/" + list.get("id") + "/items", task), 201);
        HttpResponse<String> todo = dav(login, "/caldav/" + login + "/Tasks/" + t.get("id"));
        assertThat(todo.statusCode()).as(todo.body()).isEqualTo(200);
        assertThat(todo.body()).contains("SUMMARY:Report " + id, "DUE;VALUE=DATE:20270115", "PERCENT-COMPLETE:40");
        task.put("status", "completed");
        Map<String, Object> done = ok(api.call("PUT", "api/tasks/" + list.get("id") + "/items/" + t.get("id"), task), 200);
        assertThat(done.get("etag")).isNotEqualTo(t.get("etag"));
        Map<String, Object> doneTask = ok(api.get("api/tasks/" + list.get("id") + "/items/" + t.get("id")), 200);
        assertThat(doneTask.get("status")).isEqualTo("completed");
        assertThat(doneTask.get("percent")).isEqualTo(100L);
        assertThat(doneTask.get("completed")).isNotNull();
        ok(api.call("DELETE", "api/tasks/" + list.get("id") + "/items/" + t.get("id"), null), 204);
        assertThat(WebApi.list(ok(api.get("api/tasks/" + list.get("id") + "/items"), 200), "tasks"))
                .noneSatisfy(x -> assertThat(x.get("id")).isEqualTo(t.get("id")));

        // notes
        Map<String, Object> notes = first(api, "api/notes", "folders");
        Map<String, Object> n = ok(api.call("POST", "api/notes/" + notes.get("id") + "/items",
                Map.of("body", "Call Anna " + id + "\nabout the fair", "color", "green")), 201);
        ok(api.call("PUT", "api/notes/" + notes.get("id") + "/items/" + n.get("id"),
                Map.of("body", "Called Anna " + id, "color", "pink")), 204);
        assertThat(WebApi.list(ok(api.get("api/notes/" + notes.get("id") + "/items"), 200), "notes")).anySatisfy(x -> {
            assertThat(x.get("id")).isEqualTo(n.get("id"));
            assertThat(x.get("subject")).isEqualTo("Called Anna " + id);
            assertThat(x.get("color")).isEqualTo("pink");
        });
        assertThat(api.call("POST", "api/notes/" + notes.get("id") + "/items", Map.of("body", "x", "color", "purple"))
                .statusCode()).isEqualTo(400);
        ok(api.call("DELETE", "api/notes/" + notes.get("id") + "/items/" + n.get("id"), null), 204);
        assertThat(WebApi.list(ok(api.get("api/notes/" + notes.get("id") + "/items"), 200), "notes"))
                .noneSatisfy(x -> assertThat(x.get("id")).isEqualTo(n.get("id")));

        // the global address book: the colleague, not the other company's user
        List<Map<String, Object>> gal = WebApi.list(ok(api.get("api/gal"), 200), "entries");
        assertThat(gal).extracting(e -> e.get("name")).contains(colleague).doesNotContain(outsider);
        assertThat(gal).filteredOn(e -> colleague.equals(e.get("name"))).singleElement()
                .satisfies(e -> assertThat(e.get("kind")).isEqualTo("user"));
    }

    @Test
    void inboxRulesSortMailAndThePasswordIsChangedInTheSettings() throws Exception {
        String company = ItServer.company(admin);
        String login = ItServer.user(admin, company, "fiona");
        String email = c.getUser(admin, login).email;
        String id = UUID.randomUUID().toString().substring(0, 8);
        WebApi api = logon(login);

        // a rule: mail whose subject holds [news] goes to a folder of its own
        Map<String, Object> inbox = api.special("inbox");
        Map<String, Object> folder = new HashMap<>();
        folder.put("parentId", inbox.get("parentId"));
        folder.put("name", "News " + id);
        String news = (String) ok(api.call("POST", "api/folders", folder), 201).get("id");
        Map<String, Object> rule = Map.of("name", "Newsletters", "enabled", true,
                "condition", Map.of("subjectContains", List.of("[news]")),
                "actions", List.of(Map.of("type", "MOVE", "folderId", news)), "stop", true);
        ok(api.call("PUT", "api/rules", Map.of("rules", List.of(rule))), 204);
        assertThat(WebApi.list(ok(api.get("api/rules"), 200), "rules")).singleElement()
                .satisfies(r -> assertThat(r.get("name")).isEqualTo("Newsletters"));
        assertThat(api.call("PUT", "api/rules", Map.of("rules", List.of(Map.of("name", "nothing", "actions", List.of()))))
                .statusCode()).isEqualTo(400);
        Mail.deliver(email, Mail.plain(email, "[news] December " + id, "The news " + id));
        Mail.deliver(email, Mail.plain(email, "Lunch " + id, "Not news " + id));
        assertThat(api.rows(news)).extracting(r -> r.get("subject")).containsExactly("[news] December " + id);
        assertThat(api.rows((String) inbox.get("id"))).extracting(r -> r.get("subject"))
                .contains("Lunch " + id).doesNotContain("[news] December " + id);

        // search by fields: subject and body, sender, received after, with attachments
        String in = (String) inbox.get("id");
        assertThat(WebApi.list(ok(api.get("api/folders/" + in + "/messages?subject=lunch&body=" + id), 200), "rows"))
                .extracting(r -> r.get("subject")).containsExactly("Lunch " + id);
        assertThat(WebApi.list(ok(api.get("api/folders/" + in + "/messages?body=no-such-" + id), 200), "rows")).isEmpty();
        assertThat(WebApi.list(ok(api.get("api/folders/" + in + "/messages?subject=" + id + "&after=2999-01-01"), 200), "rows"))
                .isEmpty();
        assertThat(WebApi.list(ok(api.get("api/folders/" + in + "/messages?subject=" + id + "&after=2000-01-01"), 200), "rows"))
                .hasSize(1);
        assertThat(WebApi.list(ok(api.get("api/folders/" + in + "/messages?subject=" + id + "&attachments=1"), 200), "rows"))
                .isEmpty();
        assertThat(api.get("api/folders/" + in + "/messages?after=yesterday").statusCode()).isEqualTo(400);

        // the password: a wrong current one is refused; the change ends the user's other sessions
        WebApi other = logon(login);
        HttpResponse<String> wrong = api.call("PUT", "api/password", Map.of("current", "not-it", "password", "n3w-" + id));
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(403);
        ok(api.call("PUT", "api/password", Map.of("current", ItServer.password(login), "password", "n3w-" + id)), 204);
        assertThat(api.get("api/folders").statusCode()).as("this session goes on").isEqualTo(200);
        assertThat(other.get("api/folders").statusCode()).as("the other session ended").isEqualTo(401);
        assertThat(new WebApi(ItServer.webUrl()).logon(login, ItServer.password(login)).statusCode()).isEqualTo(401);
        assertThat(new WebApi(ItServer.webUrl()).logon(login, "n3w-" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void theBrowserSearchesByFieldsAndRemindsOfAnAppointment() throws Exception {
        String company = ItServer.company(admin);
        String login = ItServer.user(admin, company, "gwen");
        String email = c.getUser(admin, login).email;
        String id = UUID.randomUUID().toString().substring(0, 8);
        Mail.deliver(email, Mail.plain(email, "Budget " + id, "Numbers " + id));
        Mail.deliver(email, Mail.plain(email, "Holiday " + id, "Beach " + id));
        // an appointment in ten minutes with a reminder fifteen minutes before: due now
        WebApi api = logon(login);
        Map<String, Object> cal = WebCalendarIT.defaultCalendar(api);
        java.time.Instant start = java.time.Instant.now().plusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Map<String, Object> event = Map.of("subject", "Dentist " + id, "start", start.toString(),
                "end", start.plusSeconds(1800).toString(), "timeZone", "UTC", "reminder", 15);
        String eventId = (String) ok(api.call("POST", "api/calendars/" + cal.get("id") + "/events", event), 201).get("id");

        Browser b = Browser.desktop("web-search-reminders");
        WebAccessIT.logon(b, WebAccessIT.web(), new WebAccessIT.User(login, ItServer.password(login), email));
        // the reminder comes up by itself after logon
        b.until("the reminder of the appointment", d -> !d.findElements(By.cssSelector(
                "[data-reminder-key^='" + eventId + "']")).isEmpty());
        b.screenshot("web-reminder");
        b.driver().findElement(By.cssSelector("[data-reminder-key^='" + eventId + "'] .reminder-dismiss")).click();
        b.gone(By.cssSelector("[data-reminder-key^='" + eventId + "']"));
        // dismissed in the event itself (RFC 9074 ACKNOWLEDGED), for the user's other devices
        String range = "api/calendars/" + cal.get("id") + "/events?from=" + start.minusSeconds(3600) + "&to="
                + start.plusSeconds(3600);
        Map<String, Object> acked = b.until("the dismissal kept in the event", d -> {
            try {
                Map<String, Object> ev = WebApi.list(ok(api.get(range), 200), "events").stream()
                        .filter(e -> eventId.equals(e.get("id"))).findFirst().orElseThrow();
                return ev.get("reminderAcknowledged") == null ? null : ev;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(java.time.Instant.parse((String) acked.get("reminderAcknowledged")))
                .isAfter(start.minusSeconds(15 * 60 + 60));
        assertThat(acked.get("reminderSnoozed")).isNull();
        // search by fields: the subject and the body
        WebAccessIT.awaitRow(b, "Budget " + id);
        b.click(By.id("search-advanced"));
        b.visible(By.id("search-subject")).sendKeys("budget");
        b.driver().findElement(By.id("search-body")).sendKeys(id);
        b.click(By.id("search-run"));
        b.visible(By.id("list-filter"));
        WebAccessIT.awaitNoRow(b, "Holiday " + id);
        WebAccessIT.awaitRow(b, "Budget " + id);
        b.screenshot("web-search-fields");
        b.click(By.id("list-filter-clear"));
        WebAccessIT.awaitRow(b, "Holiday " + id);
        b.assertNoAlert();
        b.close();

        // dismissed is dismissed, also on another device (a browser of its own): once it has looked, nothing shows
        Browser other = Browser.desktop("web-reminders-other-device");
        WebAccessIT.logon(other, WebAccessIT.web(), new WebAccessIT.User(login, ItServer.password(login), email));
        other.until("the reminders looked at", d -> d.findElement(By.id("reminders-dialog")).getAttribute("data-checked") != null);
        assertThat(other.driver().findElements(By.cssSelector("[data-reminder-key^='" + eventId + "']"))).isEmpty();
        // snoozed there for five minutes: kept in the event too; a second event, not yet due, has nothing to dismiss
        String snoozeUrl = "api/calendars/" + cal.get("id") + "/events/" + eventId + "/reminder";
        Map<String, Object> ref = ok(api.call("POST", snoozeUrl, Map.of("action", "snooze", "minutes", 5)), 200);
        assertThat(ref.get("etag")).isNotEqualTo(acked.get("etag"));
        Map<String, Object> snoozed = WebApi.list(ok(api.get(range), 200), "events").stream()
                .filter(e -> eventId.equals(e.get("id"))).findFirst().orElseThrow();
        assertThat(java.time.Instant.parse((String) snoozed.get("reminderSnoozed")))
                .isAfter(java.time.Instant.parse((String) snoozed.get("reminderAcknowledged")).plusSeconds(299));
        assertThat(api.call("POST", snoozeUrl, Map.of("action", "snooze", "minutes", 0)).statusCode()).isEqualTo(400);
        assertThat(api.call("POST", snoozeUrl, Map.of("action", "forget")).statusCode()).isEqualTo(400);
        String plain = (String) ok(api.call("POST", "api/calendars/" + cal.get("id") + "/events", Map.of("subject",
                "No reminder " + id, "start", start.toString(), "end", start.plusSeconds(600).toString(), "timeZone", "UTC")),
                201).get("id");
        HttpResponse<String> none = api.call("POST", "api/calendars/" + cal.get("id") + "/events/" + plain + "/reminder",
                Map.of("action", "dismiss"));
        assertThat(none.statusCode()).as(none.body()).isEqualTo(400);
        assertThat(none.body()).contains("no reminder");
        other.assertNoAlert();
    }
}
