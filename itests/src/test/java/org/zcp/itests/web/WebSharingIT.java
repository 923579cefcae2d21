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
import org.zcp.api.soap.ZarafaCmd;
import org.zcp.itests.ItServer;

/**
 * Sharing in the web client (docs/webaccess.md, "Sharing"): an Inbox shared with the reviewer role
 * opened as another user's mailbox and read, but not changed; a delegate made editor of the
 * calendar who sends mail on the owner's behalf and puts an appointment into the calendar, and
 * whose rights go when they stop being a delegate; the public folders. H2 execution only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebSharingIT {
    static ZarafaCmd c;
    static String admin;

    @BeforeAll
    static void setUp() throws Exception {
        c = ItServer.client();
        admin = ItServer.admin();
    }

    static Map<String, Object> ok(HttpResponse<String> r, int status) {
        return WebCalendarIT.ok(r, status);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> folders(Map<String, Object> store) {
        return (List<Map<String, Object>>) store.get("folders");
    }

    @Test
    void aSharedInboxIsReadAndADelegateWorksInTheCalendar() throws Exception {
        String company = ItServer.company(admin);
        String gina = ItServer.user(admin, company, "gina");
        String hugo = ItServer.user(admin, company, "hugo");
        String ginaEmail = c.getUser(admin, gina).email;
        String id = UUID.randomUUID().toString().substring(0, 8);
        WebApi g = WebContactsIT.logon(gina);
        WebApi h = WebContactsIT.logon(hugo);
        Mail.deliver(ginaEmail, Mail.plain(ginaEmail, "For the team " + id, "Shared " + id));

        // nothing shared: hugo cannot open gina's mailbox
        assertThat(h.call("POST", "api/stores/open", Map.of("user", gina)).statusCode()).isEqualTo(403);
        // gina shares her Inbox as reviewer (and makes her top folders visible)
        Map<String, Object> inbox = g.special("inbox");
        ok(g.call("PUT", "api/folders/" + inbox.get("id") + "/permissions",
                Map.of("permissions", List.of(Map.of("user", hugo, "rights", 0x401)))), 204);
        Map<String, Object> store = ok(h.call("POST", "api/stores/open", Map.of("user", gina)), 200);
        assertThat(store.get("user")).isEqualTo(gina);
        Map<String, Object> shared = folders(store).stream().filter(f -> inbox.get("id").equals(f.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("gina's Inbox not among " + folders(store)));
        assertThat(shared.get("count")).isEqualTo(1L);
        Map<String, Object> row = h.row((String) shared.get("id"), "For the team " + id);
        assertThat(ok(h.get("api/messages/" + row.get("id")), 200).get("body").toString()).contains("Shared " + id);
        // a reviewer cannot delete
        HttpResponse<String> delete = h.call("POST", "api/messages/delete", Map.of("ids", List.of(row.get("id"))));
        assertThat(delete.statusCode()).as(delete.body()).isEqualTo(403);
        assertThat(h.row((String) shared.get("id"), "For the team " + id)).isNotNull();
        // the opened mailbox is remembered
        assertThat(WebApi.list(ok(h.get("api/stores"), 200), "stores")).extracting(s -> s.get("user")).containsExactly(gina);
        // live: new mail in gina's shared Inbox reaches hugo's event stream; her Drafts, not shared, does not
        try (WebApi.Events events = h.events()) {
            events.await(e -> e.name().equals("ready"), 10);
            String drafts = (String) g.special("drafts").get("id");
            ok(g.call("POST", "api/drafts", Map.of("subject", "Private draft " + id, "body", "not shared")), 200);
            Mail.deliver(ginaEmail, Mail.plain(ginaEmail, "Live " + id, "Heard " + id));
            events.await(e -> e.name().equals("folder") && e.data().contains((String) inbox.get("id")), 30);
            // the draft was saved first: had its folder been followed, its event would have come at the latest
            // in the same batch as the Inbox's, so before the event of a second delivery
            Mail.deliver(ginaEmail, Mail.plain(ginaEmail, "Live again " + id, "Heard " + id));
            int before = events.seen.size();
            events.await(e -> e.name().equals("folder") && e.data().contains((String) inbox.get("id")), 30);
            assertThat(events.seen.size()).isGreaterThan(before);
            assertThat(events.seen).noneMatch(e -> e.data() != null && e.data().contains(drafts));
        }
        assertThat(h.row((String) shared.get("id"), "Live " + id)).isNotNull();

        // hugo becomes gina's delegate: editor of her calendar, reviewer of her tasks and Inbox
        Map<String, Object> roles = new HashMap<>(Map.of("calendar", "editor", "tasks", "reviewer", "inbox", "reviewer",
                "contacts", "none", "notes", "none"));
        ok(g.call("PUT", "api/delegates", Map.of("delegates", List.of(Map.of("user", hugo, "roles", roles)))), 204);
        List<Map<String, Object>> delegates = WebApi.list(ok(g.get("api/delegates"), 200), "delegates");
        assertThat(delegates).singleElement().satisfies(d -> {
            assertThat(d.get("user")).isEqualTo(hugo);
            assertThat(d.get("roles")).isEqualTo(roles);
        });
        Map<String, Object> cal = ok(h.call("POST", "api/calendars/open", Map.of("user", gina)), 200);
        Map<String, Object> event = Map.of("subject", "Booked by hugo " + id, "start", "2027-02-01T09:00:00Z",
                "end", "2027-02-01T10:00:00Z", "timeZone", "UTC");
        ok(h.call("POST", "api/calendars/" + cal.get("id") + "/events", event), 201);
        // a delegate sends on gina's behalf: From gina, Sender hugo
        org.zcp.itests.SmtpSink sink = org.zcp.itests.SmtpSink.get();
        String hugoEmail = c.getUser(admin, hugo).email;
        Map<String, Object> draft = new HashMap<>();
        draft.put("to", List.of(Map.of("email", "partner-" + id + "@example.org")));
        draft.put("subject", "On behalf " + id);
        draft.put("body", "Sent by the delegate");
        draft.put("from", Map.of("name", "Gina", "email", ginaEmail));
        ok(h.call("POST", "api/send", draft), 202);
        org.zcp.itests.SmtpSink.Received sent = sink.await(r -> r.data().contains("On behalf " + id), 30);
        assertThat(sent.data()).containsPattern("(?m)^From: .*" + java.util.regex.Pattern.quote(ginaEmail))
                .containsPattern("(?m)^Sender: .*" + java.util.regex.Pattern.quote(hugoEmail));
        Map<String, Object> ginasCal = WebCalendarIT.defaultCalendar(g);
        assertThat(WebApi.list(ok(g.get("api/calendars/" + ginasCal.get("id") + "/events?from=2027-02-01T00:00:00Z"
                + "&to=2027-02-02T00:00:00Z"), 200), "events")).extracting(e -> e.get("subject"))
                .containsExactly("Booked by hugo " + id);
        // no longer a delegate: the rights the delegate dialog gave are gone, also on the Inbox
        ok(g.call("PUT", "api/delegates", Map.of("delegates", List.of())), 204);
        assertThat(WebApi.list(ok(g.get("api/delegates"), 200), "delegates")).isEmpty();
        HttpResponse<String> after = h.call("POST", "api/calendars/" + cal.get("id") + "/events", event);
        assertThat(after.statusCode()).as(after.body()).isEqualTo(403);
        HttpResponse<String> inboxAfter = h.get("api/folders/" + shared.get("id") + "/messages");
        assertThat(inboxAfter.statusCode()).as(inboxAfter.body()).isEqualTo(403);
        // and sending for her is refused; the message stays in hugo's Drafts
        draft.put("subject", "Not any more " + id);
        HttpResponse<String> refused = h.call("POST", "api/send", draft);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(WebApi.map(refused).get("message").toString()).contains("not allowed to send as");
        assertThat(h.rows((String) h.special("drafts").get("id"))).extracting(r -> r.get("subject"))
                .contains("Not any more " + id);
        assertThat(h.rows((String) h.special("outbox").get("id"))).extracting(r -> r.get("subject"))
                .doesNotContain("Not any more " + id);
        // the permission dialog replaces the list: a member left out loses the rights
        ok(g.call("PUT", "api/folders/" + inbox.get("id") + "/permissions",
                Map.of("permissions", List.of(Map.of("user", hugo, "rights", 0x401)))), 204);
        ok(g.call("PUT", "api/folders/" + inbox.get("id") + "/permissions", Map.of("permissions", List.of())), 204);
        assertThat(WebApi.list(ok(g.get("api/folders/" + inbox.get("id") + "/permissions"), 200), "permissions")).isEmpty();

        // the public folders: the company's public store is there to browse
        HttpResponse<String> pub = h.get("api/stores/public");
        assertThat(pub.statusCode()).as(pub.body()).isEqualTo(200);
        assertThat(WebApi.map(pub).get("name")).isEqualTo("Public Folders");
    }
}
