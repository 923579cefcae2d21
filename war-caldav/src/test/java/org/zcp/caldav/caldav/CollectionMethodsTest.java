package org.zcp.caldav.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zcp.caldav.dav.DavResponse;
import org.zcp.caldav.fake.FakeServer;
import org.zcp.store.api.FolderInfo;

/** MKCALENDAR, MKCOL, PROPPATCH and DELETE of collections. */
class CollectionMethodsTest {
    private final FakeServer server = new FakeServer();

    private FolderInfo folder(String name) {
        return server.tree.folders(server.logons.logon("alice", "secret", "t", "t").session()).folders().stream()
                .filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    @Test
    void mkcalendarShouldMakeAFolderNamedByTheDisplaynameThatStaysAtItsUrl() {
        DavResponse r = server.send("MKCALENDAR", "/caldav/alice/4F1B-22/", "<C:mkcalendar xmlns:D=\"DAV:\""
                + " xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:set><D:prop><D:displayname>Work</D:displayname>"
                + "</D:prop></D:set></C:mkcalendar>");
        assertThat(r.status()).isEqualTo(201);
        assertThat(folder("Work").containerClass()).isEqualTo("IPF.Appointment");
        assertThat(folder("4F1B-22")).isNull();
        assertThat(server.send("PROPFIND", "/caldav/alice/4F1B-22/", null, "Depth", "0").text())
                .contains("<D:displayname>Work</D:displayname>");
        assertThat(server.send("PUT", "/caldav/alice/4F1B-22/x.ics", org.zcp.caldav.fake.FakeCodecs.event("x",
                "20250101T100000Z", "20250101T110000Z", "s")).status()).isEqualTo(201);
    }

    @Test
    void mkcalendarOfTasksOnlyShouldMakeATaskFolder() {
        DavResponse r = server.send("MKCALENDAR", "/caldav/alice/Todo/", "<C:mkcalendar xmlns:D=\"DAV:\""
                + " xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:set><D:prop><C:supported-calendar-component-set>"
                + "<C:comp name=\"VTODO\"/></C:supported-calendar-component-set></D:prop></D:set></C:mkcalendar>");
        assertThat(r.status()).isEqualTo(201);
        assertThat(folder("Todo").containerClass()).isEqualTo("IPF.Task");
    }

    @Test
    void mkcalendarOverAnExistingCollectionShouldBe405() {
        DavResponse r = server.send("MKCALENDAR", "/caldav/alice/Calendar/", null);
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.text()).contains("<D:resource-must-be-null/>");
        assertThat(server.send("MKCALENDAR", "/caldav/alice/Inbox/", null).status()).isEqualTo(405);
        assertThat(server.send("MKCALENDAR", "/carddav/alice/X/", null).status()).isEqualTo(403);
    }

    @Test
    void extendedMkcolShouldMakeAnAddressBook() {
        DavResponse r = server.send("MKCOL", "/carddav/alice/Friends/", "<D:mkcol xmlns:D=\"DAV:\""
                + " xmlns:CR=\"urn:ietf:params:xml:ns:carddav\"><D:set><D:prop><D:resourcetype><D:collection/>"
                + "<CR:addressbook/></D:resourcetype></D:prop></D:set></D:mkcol>");
        assertThat(r.status()).isEqualTo(201);
        assertThat(folder("Friends").containerClass()).isEqualTo("IPF.Contact");
        DavResponse wrong = server.send("MKCOL", "/carddav/alice/Cal/", "<D:mkcol xmlns:D=\"DAV:\""
                + " xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:set><D:prop><D:resourcetype><D:collection/>"
                + "<C:calendar/></D:resourcetype></D:prop></D:set></D:mkcol>");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.text()).contains("<D:valid-resourcetype/>");
    }

    @Test
    void proppatchShouldRenameInPlaceKeepTheColourAndRefuseProtectedPropertiesOneByOne() {
        DavResponse r = server.send("PROPPATCH", "/caldav/alice/Calendar/", "<D:propertyupdate xmlns:D=\"DAV:\""
                + " xmlns:A=\"http://apple.com/ns/ical/\"><D:set><D:prop><D:displayname>Agenda</D:displayname>"
                + "<A:calendar-color>#FF0000</A:calendar-color><D:getetag>x</D:getetag></D:prop></D:set>"
                + "</D:propertyupdate>");
        assertThat(r.status()).isEqualTo(207);
        assertThat(r.text()).contains("<D:displayname/><A:calendar-color/></D:prop><D:status>HTTP/1.1 200 OK")
                .contains("<D:getetag/></D:prop><D:status>HTTP/1.1 403");
        assertThat(server.tree.get(server.calendar).name()).isEqualTo("Agenda");
        // renamed in place: the collection keeps its URL, and shows its new name and kept colour
        assertThat(server.send("PROPFIND", "/caldav/alice/Agenda/", null).status()).isEqualTo(404);
        assertThat(server.send("PROPFIND", "/caldav/alice/Calendar/", null, "Depth", "0").text())
                .contains("<D:displayname>Agenda</D:displayname>").contains(">#FF0000</A:calendar-color>");
    }

    @Test
    void deleteOfACollectionShouldDeleteTheFolder() {
        assertThat(server.send("DELETE", "/caldav/alice/Tasks/", null).status()).isEqualTo(204);
        assertThat(server.tree.get(server.tasks)).isNull();
        assertThat(server.send("DELETE", "/caldav/alice/", null).status()).isEqualTo(403);
    }
}
