package org.zcp.caldav.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zcp.ical.ContentLines;
import org.zcp.store.api.FolderInfo;
import org.zcp.store.api.FolderTree.Hierarchy;

class PathsTest {
    @Test
    void pathsShouldMapToTheirTargets() {
        assertThat(Paths.parse("/.well-known/caldav")).isEqualTo(new Target.WellKnown("/caldav/"));
        assertThat(Paths.parse("/.well-known/carddav")).isEqualTo(new Target.WellKnown("/carddav/"));
        assertThat(Paths.parse("/caldav/")).isEqualTo(new Target.Root(Tree.CALDAV));
        assertThat(Paths.parse("/caldav/principals/")).isEqualTo(new Target.Principals());
        assertThat(Paths.parse("/caldav/principals/alice/")).isEqualTo(new Target.Principal("alice"));
        assertThat(Paths.parse("/carddav/alice")).isEqualTo(new Target.Home(Tree.CARDDAV, "alice"));
        assertThat(Paths.parse("/caldav/alice/My%20Cal/")).isEqualTo(new Target.Collection(Tree.CALDAV, "alice", "My Cal"));
        assertThat(Paths.parse("/caldav/alice@example.com/Calendar/a%2Fb.ics?x=1"))
                .isEqualTo(new Target.Item(Tree.CALDAV, "alice@example.com", "Calendar", "a/b.ics"));
        assertThat(Paths.parse("/ical/alice")).isEqualTo(new Target.Ical("alice", null));
        assertThat(Paths.parse("/ical/alice/Work")).isEqualTo(new Target.Ical("alice", "Work"));
        assertThat(Paths.parse("/caldav/alice/schedule-outbox/"))
                .isEqualTo(new Target.ScheduleBox("alice", Target.Box.OUTBOX, null));
        assertThat(Paths.parse("/caldav/alice/Schedule-Inbox/x.ics"))
                .isEqualTo(new Target.ScheduleBox("alice", Target.Box.INBOX, "x.ics"));
        assertThat(Paths.parse("/carddav/alice/schedule-inbox/"))
                .isEqualTo(new Target.Collection(Tree.CARDDAV, "alice", "schedule-inbox"));
        assertThat(Paths.parse("/carddav/alice/gal/")).isEqualTo(new Target.Gal("alice", null));
        assertThat(Paths.parse("/carddav/alice/GAL/u-bob.vcf")).isEqualTo(new Target.Gal("alice", "u-bob.vcf"));
        assertThat(Paths.parse("/caldav/alice/gal/")).isEqualTo(new Target.Collection(Tree.CALDAV, "alice", "gal"));
        assertThat(Paths.parse("/carddav/alice/gal/a/b")).isInstanceOf(Target.Unknown.class);
        assertThat(Paths.gal("alice", "u-bob.vcf")).isEqualTo("/carddav/alice/gal/u-bob.vcf");
    }

    @Test
    void strangePathsShouldBeUnknown() {
        for (String p : List.of("/", "/caldav/alice/a/b/c", "/caldav/alice/%zz/", "/caldav/../x", "/webdav/x",
                "/.well-known/other", "/ical/")) {
            assertThat(Paths.parse(p)).as(p).isInstanceOf(Target.Unknown.class);
        }
    }

    @Test
    void hrefsShouldPercentEncodeSegmentsAndParseBack() {
        String href = Paths.item(Tree.CALDAV, "alice", "Werk & Privé", "x y.ics");
        assertThat(href).isEqualTo("/caldav/alice/Werk%20%26%20Priv%C3%A9/x%20y.ics");
        assertThat(Paths.parseHref("https://host:8443" + href))
                .isEqualTo(new Target.Item(Tree.CALDAV, "alice", "Werk & Privé", "x y.ics"));
    }

    @Test
    void homesShouldListTheirKindFlatWithUniqueSegments() {
        Hierarchy h = new Hierarchy(1, List.of(
                new FolderInfo(10, 1, "Calendar", "IPF.Appointment", FolderInfo.Special.NONE),
                new FolderInfo(11, 1, "Inbox", "IPF.Note", FolderInfo.Special.INBOX),
                new FolderInfo(12, 11, "calendar", "IPF.Appointment.Birthday", FolderInfo.Special.NONE),
                new FolderInfo(13, 1, "Tasks", "IPF.Task", FolderInfo.Special.NONE),
                new FolderInfo(14, 1, "Contacts", "IPF.Contact", FolderInfo.Special.NONE),
                new FolderInfo(15, 1, "", "IPF.Appointment", FolderInfo.Special.NONE)));
        assertThat(Homes.collections(h, Tree.CALDAV)).extracting(Coll::segment)
                .containsExactly("Calendar", "calendar-12", "Tasks", "15");
        assertThat(Homes.collections(h, Tree.CARDDAV)).extracting(Coll::segment).containsExactly("Contacts");
        assertThat(Homes.defaultCalendar(Homes.collections(h, Tree.CALDAV)).id()).isEqualTo(10);
    }

    @Test
    void contentLinesShouldUnfoldAndUnescape() {
        String text = "BEGIN:VCARD\r\nitem1.EMAIL;TYPE=\"a:b\":x@example.com\r\nFN:Ann\r\n  Lee\\, Jr.\r\nEND:VCARD\r\n";
        assertThat(ContentLines.values(text, "email")).containsExactly("x@example.com");
        assertThat(ContentLines.values(text, "FN")).containsExactly("Ann Lee, Jr.");
    }
}
