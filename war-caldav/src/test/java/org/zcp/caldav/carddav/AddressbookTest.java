package org.zcp.caldav.carddav;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zcp.caldav.dav.DavResponse;
import org.zcp.caldav.fake.FakeCodecs;
import org.zcp.caldav.fake.FakeServer;
import org.zcp.ical.ItemKind;

class AddressbookTest {
    private static final String NS = " xmlns:D=\"DAV:\" xmlns:CR=\"urn:ietf:params:xml:ns:carddav\"";
    private final FakeServer server = new FakeServer();

    private void cards() {
        server.store(server.contacts, "carol.vcf", ItemKind.CONTACT, FakeCodecs.card("carol", "Carol King",
                "carol@example.com"));
        server.store(server.contacts, "dave.vcf", ItemKind.CONTACT, FakeCodecs.card("dave", "Dave Grohl",
                "dave@example.org"));
    }

    @Test
    void queryWithoutFilterShouldAnswerEveryContact() {
        cards();
        DavResponse r = server.send("REPORT", "/carddav/alice/Contacts/", "<CR:addressbook-query" + NS
                + "><D:prop><D:getetag/></D:prop></CR:addressbook-query>", "Depth", "1");
        assertThat(r.text()).contains("carol.vcf").contains("dave.vcf");
    }

    @Test
    void queryByTextShouldMatchTheProperty() {
        cards();
        DavResponse r = server.send("REPORT", "/carddav/alice/Contacts/", "<CR:addressbook-query" + NS
                + "><D:prop><CR:address-data/></D:prop><CR:filter><CR:prop-filter name=\"EMAIL\">"
                + "<CR:text-match match-type=\"ends-with\">example.org</CR:text-match></CR:prop-filter></CR:filter>"
                + "</CR:addressbook-query>");
        assertThat(r.text()).contains("dave.vcf").contains("FN:Dave Grohl").doesNotContain("carol");
    }

    @Test
    void multigetShouldRenderTheAskedVersion() {
        cards();
        DavResponse r = server.send("REPORT", "/carddav/alice/Contacts/", "<CR:addressbook-multiget" + NS
                + "><D:prop><D:getetag/><CR:address-data version=\"4.0\"/></D:prop>"
                + "<D:href>/carddav/alice/Contacts/carol.vcf</D:href></CR:addressbook-multiget>");
        assertThat(r.text()).contains("VERSION:4.0").contains("FN:Carol King").doesNotContain("dave");
    }

    @Test
    void anEventInAnAddressBookShouldBeRefused() {
        DavResponse event = server.send("PUT", "/carddav/alice/Contacts/e.ics", FakeCodecs.event("e",
                "20250101T100000Z", "20250101T110000Z", "s"));
        assertThat(event.status()).isEqualTo(403);
        assertThat(event.text()).contains("<CR:valid-address-data/>");
        DavResponse r = server.send("PUT", "/carddav/alice/Contacts/c.vcf", FakeCodecs.card("c", "C", "c@x"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(server.send("GET", "/carddav/alice/Contacts/c.vcf", null).text()).contains("FN:C");
    }
}
