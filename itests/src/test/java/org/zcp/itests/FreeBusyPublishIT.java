package org.zcp.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.soap.PropValue;
import org.zcp.api.soap.PropValues;
import org.zcp.api.soap.Row;
import org.zcp.api.soap.StoreInfo;
import org.zcp.api.soap.TableQuery;
import org.zcp.api.soap.ZarafaCmd;
import org.zcp.ical.FreeBusy;
import org.zcp.ical.PublishedFreeBusy;

/**
 * Free/busy published in the public store as the original's clients published it for Outlook
 * (docs/calendar.md): a change of a user's calendar shows up, within seconds, in the user's message
 * in the public store's free/busy folder, which the user's PR_FREEBUSY_ENTRYIDS[2] names.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FreeBusyPublishIT {
    @Test
    void aCalendarChangeIsPublishedInThePublicStore() throws Exception {
        ZarafaCmd c = ItServer.client();
        String admin = ItServer.admin();
        String company = ItServer.company(admin);
        String olga = ItServer.user(admin, company, "olga");
        String paul = ItServer.user(admin, company, "paul");
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(2, ChronoUnit.DAYS);
        Instant start = day.plus(9, ChronoUnit.HOURS);
        Instant end = day.plus(10, ChronoUnit.HOURS).plus(30, ChronoUnit.MINUTES);
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//itest//EN\r\nBEGIN:VEVENT\r\nUID:fb-publish-1\r\n"
                + "DTSTAMP:20250101T000000Z\r\nDTSTART:" + utc(start) + "\r\nDTEND:" + utc(end) + "\r\n"
                + "SUMMARY:Board meeting\r\nCLASS:PRIVATE\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        assertThat(CalDavIT.send(olga, "PUT", "/caldav/" + olga + "/Calendar/fb.ics", ics).status()).isEqualTo(201);

        StoreInfo pub = c.getPublicStore(admin, company);
        byte[] folder = PropValues.find(c.getProps(admin, pub.rootId, List.of(PropTag.PR_FREE_BUSY_FOR_LOCAL_SITE_ENTRYID)),
                PropTag.PR_FREE_BUSY_FOR_LOCAL_SITE_ENTRYID).bin;
        assertThat(folder).isNotNull();
        String folderId = HexFormat.of().formatHex(folder);

        Row olgas = awaitRow(c, admin, folderId, olga, true);
        List<FreeBusy.Period> busy = PublishedFreeBusy.read(value(olgas, PublishedFreeBusy.MONTHS_BUSY).mvl,
                value(olgas, PublishedFreeBusy.EVENTS_BUSY).mvbin, FreeBusy.Type.BUSY);
        // a private appointment is busy time, and nothing more: the message has no subject of it
        assertThat(busy).containsExactly(new FreeBusy.Period(start, end, FreeBusy.Type.BUSY));
        assertThat(value(olgas, PublishedFreeBusy.PUBLISH_START).l)
                .isEqualTo(PublishedFreeBusy.minutes1601(Instant.now().truncatedTo(ChronoUnit.DAYS).minus(7, ChronoUnit.DAYS)));

        // the user's store names the message (PR_FREEBUSY_ENTRYIDS[2], [MS-OXOSFLD] 2.2.6)
        String sid = ItServer.logon(olga, ItServer.password(olga));
        StoreInfo own = c.getStore(sid, null);
        PropValue ids = PropValues.find(c.getProps(sid, own.rootId, List.of(PropTag.PR_FREEBUSY_ENTRYIDS)),
                PropTag.PR_FREEBUSY_ENTRYIDS);
        assertThat(HexFormat.of().formatHex(ids.mvbin.get(2))).isEqualToIgnoringCase(
                HexFormat.of().formatHex(value(olgas, PropTag.PR_ENTRYID).bin));

        // another user of the company reads it; the cancelled hour is free again at the next publication
        String psid = ItServer.logon(paul, ItServer.password(paul));
        assertThat(c.queryContents(psid, folderId, columns()).rows).isNotEmpty();
        assertThat(CalDavIT.send(olga, "DELETE", "/caldav/" + olga + "/Calendar/fb.ics", null).status()).isEqualTo(204);
        awaitRow(c, admin, folderId, olga, false);
    }

    private static String utc(Instant t) {
        return t.toString().replace("-", "").replace(":", "").replace(".000", "");
    }

    private static TableQuery columns() {
        return Fixture.columns(PropTag.PR_ENTRYID, PropTag.PR_ADDRESS_BOOK_ENTRYID, PropTag.PR_SUBJECT,
                PublishedFreeBusy.MONTHS_BUSY, PublishedFreeBusy.EVENTS_BUSY, PublishedFreeBusy.PUBLISH_START);
    }

    private static PropValue value(Row r, int tag) {
        return PropValues.find(r.props, tag);
    }

    /**
     * The user's published message (its subject is the account name) once it shows busy time
     * ({@code busy}) or none; asked again every half second for a minute at most.
     */
    private static Row awaitRow(ZarafaCmd c, String admin, String folderId, String user, boolean busy) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            List<String> seen = new java.util.ArrayList<>();
            for (Row r : c.queryContents(admin, folderId, columns()).rows) {
                PropValue months = value(r, PublishedFreeBusy.MONTHS_BUSY);
                boolean some = months != null && months.mvl != null && !months.mvl.isEmpty();
                seen.add(PropValues.string(r.props, PropTag.PR_SUBJECT) + (some ? " " + months.mvl : " free"));
                // the subject is the account name (the user's name in the company: olga of olga@company)
                if (user.startsWith(PropValues.string(r.props, PropTag.PR_SUBJECT) + "@") && some == busy) return r;
            }
            assertThat(Instant.now()).as("free/busy of " + user + (busy ? " with" : " without")
                    + " busy time published; the folder holds " + seen).isBefore(deadline);
            Thread.sleep(500);
        }
    }
}
