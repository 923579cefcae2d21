package org.zcp.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zcp.caldav.dav.DavRequest;
import org.zcp.caldav.dav.DavResponse;
import org.zcp.caldav.fake.FakeServer;

class DavServiceTest {
    private final FakeServer server = new FakeServer();

    @Test
    void wellKnownShouldRedirectPermanently() {
        DavResponse r = server.service.handle(DavRequest.of("PROPFIND", "/.well-known/caldav", null));
        assertThat(r.status()).isEqualTo(301);
        assertThat(r.header("Location")).isEqualTo("/caldav/");
        assertThat(server.service.handle(DavRequest.of("GET", "/.well-known/carddav", null)).header("Location"))
                .isEqualTo("/carddav/");
    }

    @Test
    void optionsShouldAnnounceTheDavClassesWithoutALogon() {
        DavResponse r = server.service.handle(DavRequest.of("OPTIONS", "/caldav/alice/Calendar/", null));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("DAV")).contains("1, 3", "calendar-access", "addressbook", "extended-mkcol");
        assertThat(r.header("Allow")).contains("PROPFIND", "REPORT", "MKCALENDAR");
    }

    @Test
    void noCredentialsShouldBe401WithTheBasicRealm() {
        DavResponse r = server.service.handle(DavRequest.of("PROPFIND", "/caldav/", null));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Zarafa CalDAV\"");
    }

    @Test
    void aWrongPasswordShouldBe401() {
        DavResponse r = server.service.handle(DavRequest.of("PROPFIND", "/caldav/", null, "Authorization",
                FakeServer.basic("alice", "wrong")));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void theWholeCalendarGetShouldFollowEnableIcalGet() {
        assertThat(server.send("GET", "/ical/alice/", null).status()).isEqualTo(200);
        server.service.icalGet(false);
        DavResponse off = server.send("GET", "/ical/alice/", null);
        assertThat(off.status()).isEqualTo(403);
        assertThat(off.text()).contains("enable_ical_get");
        assertThat(server.send("HEAD", "/ical/alice/Calendar", null).status()).isEqualTo(403);
    }

    @Test
    void aBodyShouldBeReadInTheCharsetItsContentTypeNamesElseTheDefault() {
        byte[] latin1 = "SUMMARY:Caf\u00e9".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        DavRequest named = new DavRequest("PUT", "/x", java.util.Map.of("Content-Type",
                java.util.List.of("text/calendar; charset=ISO-8859-1")), latin1, false, "127.0.0.1");
        assertThat(named.text()).isEqualTo("SUMMARY:Caf\u00e9");
        DavRequest unnamed = new DavRequest("PUT", "/x", java.util.Map.of("Content-Type",
                java.util.List.of("text/calendar")), "SUMMARY:Caf\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                false, "127.0.0.1");
        assertThat(unnamed.text()).isEqualTo("SUMMARY:Caf\u00e9");
        DavRequest unknown = new DavRequest("PUT", "/x", java.util.Map.of("Content-Type",
                java.util.List.of("text/calendar; charset=no-such-charset")), latin1, false, "127.0.0.1");
        org.assertj.core.api.Assertions.assertThatThrownBy(unknown::text)
                .isInstanceOf(org.zcp.caldav.dav.DavException.class);
    }

    @Test
    void aUserWithoutAStoreOrUnknownShouldBeNotFound() {
        assertThat(server.send("PROPFIND", "/caldav/bob/", null, "Depth", "0").status()).isEqualTo(404);
        assertThat(server.send("PROPFIND", "/caldav/nobody/", null, "Depth", "0").status()).isEqualTo(404);
    }

    @Test
    void anotherUsersHomeShouldShowWhatSheSharesAndNothingElse() {
        server.store(server.calendar, "shared.ics", org.zcp.ical.ItemKind.EVENT,
                org.zcp.caldav.fake.FakeCodecs.event("s1", "20250101T100000Z", "20250101T110000Z", "Shared"));
        String bob = FakeServer.basic("bob", "pw");
        DavResponse none = server.service.handle(DavRequest.of("PROPFIND", "/caldav/alice/", null, "Depth", "1",
                "Authorization", bob));
        assertThat(none.status()).isEqualTo(207);
        assertThat(none.text()).doesNotContain("/caldav/alice/Calendar/").contains("/caldav/principals/bob/");
        server.tree.share(server.calendar, "bob");
        DavResponse home = server.service.handle(DavRequest.of("PROPFIND", "/caldav/alice/", null, "Depth", "1",
                "Authorization", bob));
        assertThat(home.text()).contains("/caldav/alice/Calendar/").doesNotContain("/caldav/alice/Tasks/");
        assertThat(server.service.handle(DavRequest.of("GET", "/caldav/alice/Calendar/shared.ics", null,
                "Authorization", bob)).status()).isEqualTo(200);
        assertThat(server.service.handle(DavRequest.of("GET", "/caldav/alice/Tasks/", null,
                "Authorization", bob)).status()).isEqualTo(404);
        DavResponse principal = server.service.handle(DavRequest.of("PROPFIND", "/caldav/principals/alice/", null,
                "Depth", "0", "Authorization", bob));
        assertThat(principal.text()).contains("Alice Adams").contains("<D:href>/caldav/alice/</D:href>");
    }

    @Test
    void theOwnHomeShouldAnswerByLoginNameInAnyCaseAndByAddress() {
        assertThat(server.send("PROPFIND", "/caldav/ALICE/", null, "Depth", "0").status()).isEqualTo(207);
        assertThat(server.send("PROPFIND", "/caldav/alice@example.com/", null, "Depth", "0").status()).isEqualTo(207);
    }

    @Test
    void anEndedSessionShouldBeReplacedByANewLogonOnce() {
        assertThat(server.send("PROPFIND", "/caldav/alice/", null, "Depth", "1").status()).isEqualTo(207);
        String first = server.logons.live().iterator().next();
        server.logons.end(first);
        DavResponse r = server.send("PROPFIND", "/caldav/alice/", null, "Depth", "1");
        assertThat(r.status()).isEqualTo(207);
        assertThat(server.logons.logons).isEqualTo(2);
    }

    @Test
    void unknownMethodsAndPathsShouldSaySo() {
        assertThat(server.send("LOCK", "/caldav/alice/Calendar/a.ics", null).status()).isEqualTo(501);
        assertThat(server.send("PROPFIND", "/nothing/here", null).status()).isEqualTo(404);
    }
}
