package org.zcp.caldav.carddav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.zcp.caldav.dav.DavRequest;
import org.zcp.caldav.dav.DavResponse;
import org.zcp.caldav.fake.FakeCodecs;
import org.zcp.caldav.fake.FakeFolderTree;
import org.zcp.caldav.fake.FakeServer;

/** The global address book: /carddav/&lt;user&gt;/gal/, read-only, in one's own home only. */
class GalTest {
    private static final String NS = " xmlns:D=\"DAV:\" xmlns:CR=\"urn:ietf:params:xml:ns:carddav\""
            + " xmlns:CS=\"http://calendarserver.org/ns/\"";
    private static final String GAL = "/carddav/alice/gal/";
    private final FakeServer server = new FakeServer();

    private static String propfind(String... props) {
        StringBuilder b = new StringBuilder("<D:propfind" + NS + "><D:prop>");
        for (String p : props) b.append('<').append(p).append("/>");
        return b.append("</D:prop></D:propfind>").toString();
    }

    private String prop(String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(server.send("PROPFIND", GAL,
                propfind(name), "Depth", "0").text());
        return m.find() ? m.group(1) : null;
    }

    @Test
    void theOwnHomeShouldListItReadOnly() {
        DavResponse home = server.send("PROPFIND", "/carddav/alice/", propfind("D:resourcetype", "D:displayname",
                "D:current-user-privilege-set", "CR:supported-address-data", "CS:getctag", "D:sync-token"), "Depth", "1");

        assertThat(home.status()).isEqualTo(207);
        String gal = home.text().substring(home.text().indexOf("<D:href>/carddav/alice/gal/</D:href>"));
        assertThat(gal).contains("<D:resourcetype><D:collection/><CR:addressbook/></D:resourcetype>",
                "<D:displayname>Global Address Book</D:displayname>",
                "<CR:address-data-type content-type=\"text/vcard\" version=\"3.0\"/>",
                "<CR:address-data-type content-type=\"text/vcard\" version=\"4.0\"/>",
                "<D:sync-token>http://zcp.org/ns/sync/gal/")
                .containsPattern("<CS:getctag>[0-9a-f]{16}</CS:getctag>");
        String privileges = gal.substring(gal.indexOf("<D:current-user-privilege-set>"),
                gal.indexOf("</D:current-user-privilege-set>"));
        assertThat(privileges).contains("<D:read/>").doesNotContain("write").doesNotContain("bind");
        assertThat(home.text()).contains("<D:href>/carddav/alice/Contacts/</D:href>");
        assertThat(server.send("PROPFIND", "/caldav/alice/", null, "Depth", "1").text()).doesNotContain("/gal/");
    }

    @Test
    void depthOneShouldListTheVisibleUsersAndGroups() {
        DavResponse r = server.send("PROPFIND", GAL, propfind("D:getetag"), "Depth", "1");

        assertThat(r.status()).isEqualTo(207);
        assertThat(r.text()).contains("<D:href>/carddav/alice/gal/u-alice.vcf</D:href>",
                "<D:href>/carddav/alice/gal/u-bob.vcf</D:href>", "<D:href>/carddav/alice/gal/g-sales.vcf</D:href>")
                .doesNotContain("hal").containsPattern("<D:getetag>\"[0-9a-f]{16}\"</D:getetag>");
        assertThat(r.text().split("<D:response>", -1)).hasSize(5);
    }

    @Test
    void getShouldAnswerTheVCardWithItsETag() {
        DavResponse r = server.send("GET", "/carddav/alice/gal/u-alice.vcf", null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/vcard");
        assertThat(r.text()).startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\n").contains("\r\nUID:zcp-gal-u-alice\r\n",
                "\r\nFN:Alice Adams\r\n", "\r\nN:Adams;Alice;;;\r\n", "\r\nEMAIL;TYPE=work:alice@example.com\r\n");
        String etag = r.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{16}\"");
        assertThat(server.send("GET", "/carddav/alice/gal/u-alice.vcf", null, "If-None-Match", etag).status())
                .isEqualTo(304);
        DavResponse head = server.send("HEAD", "/carddav/alice/gal/u-alice.vcf", null);
        assertThat(head.header("ETag")).isEqualTo(etag);
        assertThat(head.body()).isEmpty();
        assertThat(server.send("GET", "/carddav/alice/gal/u-hal.vcf", null).status()).isEqualTo(404);
        assertThat(server.send("GET", "/carddav/alice/gal/g-sales.vcf", null).text())
                .contains("X-ADDRESSBOOKSERVER-KIND:group");
        assertThat(server.send("GET", GAL, null).text()).contains("FN:Alice Adams", "FN:Bob", "FN:Sales Team");
    }

    @Test
    void multigetShouldRenderTheAskedVersion() {
        DavResponse r = server.send("REPORT", GAL, "<CR:addressbook-multiget" + NS
                + "><D:prop><D:getetag/><CR:address-data version=\"4.0\"/></D:prop>"
                + "<D:href>/carddav/alice/gal/u-bob.vcf</D:href><D:href>/carddav/alice/gal/g-sales.vcf</D:href>"
                + "<D:href>/carddav/alice/gal/u-hal.vcf</D:href><D:href>/carddav/alice/Contacts/x.vcf</D:href>"
                + "</CR:addressbook-multiget>");

        assertThat(r.status()).isEqualTo(207);
        String xml = r.text().replace("&#13;", "");
        assertThat(xml).contains("VERSION:4.0", "FN:Bob", "EMAIL;TYPE=work:bob@example.com", "KIND:group")
                .doesNotContain("FN:Alice");
        assertThat(xml).contains("<D:href>/carddav/alice/gal/u-hal.vcf</D:href><D:status>HTTP/1.1 404 Not Found")
                .contains("<D:href>/carddav/alice/Contacts/x.vcf</D:href><D:status>HTTP/1.1 404 Not Found");
    }

    @Test
    void queryShouldFilterOnTheRenderedCards() {
        DavResponse r = server.send("REPORT", GAL, "<CR:addressbook-query" + NS
                + "><D:prop><D:getetag/><CR:address-data/></D:prop><CR:filter><CR:prop-filter name=\"EMAIL\">"
                + "<CR:text-match match-type=\"starts-with\">BOB@</CR:text-match></CR:prop-filter></CR:filter>"
                + "</CR:addressbook-query>", "Depth", "1");

        assertThat(r.status()).isEqualTo(207);
        assertThat(r.text()).contains("u-bob.vcf", "FN:Bob").doesNotContain("u-alice").doesNotContain("g-sales");
        DavResponse all = server.send("REPORT", GAL, "<CR:addressbook-query" + NS
                + "><D:prop><D:getetag/></D:prop></CR:addressbook-query>", "Depth", "1");
        assertThat(all.text()).contains("u-alice.vcf", "u-bob.vcf", "g-sales.vcf");
    }

    @Test
    void syncShouldAnswerAllThenNothingAndRefuseAnOldToken() {
        String sync = "<D:sync-collection" + NS + "><D:sync-token>%s</D:sync-token><D:sync-level>1</D:sync-level>"
                + "<D:prop><D:getetag/></D:prop></D:sync-collection>";
        DavResponse first = server.send("REPORT", GAL, sync.formatted(""));
        assertThat(first.text()).contains("u-alice.vcf", "u-bob.vcf", "g-sales.vcf");
        Matcher m = Pattern.compile("<D:sync-token>([^<]+)</D:sync-token>").matcher(first.text());
        assertThat(m.find()).isTrue();
        String token = m.group(1);
        assertThat(token).isEqualTo(prop("D:sync-token"));

        DavResponse again = server.send("REPORT", GAL, sync.formatted(token));
        assertThat(again.status()).isEqualTo(207);
        assertThat(again.text()).doesNotContain("<D:response>").contains(token);

        String ctag = prop("CS:getctag");
        server.addressBook.group("admins", "Admins", "");
        assertThat(prop("CS:getctag")).isNotEqualTo(ctag);
        DavResponse old = server.send("REPORT", GAL, sync.formatted(token));
        assertThat(old.status()).isEqualTo(403);
        assertThat(old.text()).contains("<D:valid-sync-token/>");
    }

    @Test
    void writesShouldBeRefusedAsReadOnly() {
        DavResponse put = server.send("PUT", "/carddav/alice/gal/new.vcf", FakeCodecs.card("n", "New", "n@x"));
        assertThat(put.status()).isEqualTo(403);
        assertThat(put.text()).contains("<D:need-privileges/>", "the global address book is read-only");
        assertThat(server.send("PUT", "/carddav/alice/gal/u-bob.vcf", FakeCodecs.card("b", "B", "b@x")).status())
                .isEqualTo(403);
        assertThat(server.send("DELETE", "/carddav/alice/gal/u-bob.vcf", null).status()).isEqualTo(403);
        assertThat(server.send("DELETE", GAL, null).status()).isEqualTo(403);
        assertThat(server.send("PROPPATCH", GAL, "<D:propertyupdate xmlns:D=\"DAV:\"><D:set><D:prop><D:displayname>"
                + "x</D:displayname></D:prop></D:set></D:propertyupdate>").status()).isEqualTo(403);
        DavResponse mkcol = server.send("MKCOL", GAL, null);
        assertThat(mkcol.status()).isEqualTo(403);
        assertThat(mkcol.text()).contains("<D:need-privileges/>");
        assertThat(server.send("MKCOL", "/carddav/alice/GAL/", null).status()).isEqualTo(403);
        assertThat(server.send("GET", "/carddav/alice/gal/u-bob.vcf", null).text()).contains("FN:Bob");
        assertThat(server.service.handle(DavRequest.of("OPTIONS", GAL, null)).header("Allow"))
                .isEqualTo("OPTIONS, GET, HEAD, PROPFIND, REPORT");
    }

    @Test
    void aFolderNamedGalShouldNotShadowIt() {
        long folder = server.tree.add(FakeFolderTree.ROOT, "gal", "IPF.Contact");

        String home = server.send("PROPFIND", "/carddav/alice/", null, "Depth", "1").text();
        assertThat(home).contains("<D:href>/carddav/alice/gal-" + folder + "/</D:href>",
                "<D:href>/carddav/alice/gal/</D:href>");
        assertThat(server.send("PROPFIND", GAL, propfind("D:displayname"), "Depth", "0").text())
                .contains("Global Address Book");
    }

    @Test
    void anotherUsersGalShouldBeNotFound() {
        assertThat(server.send("PROPFIND", "/carddav/bob/gal/", null, "Depth", "0").status()).isEqualTo(404);
        assertThat(server.send("GET", "/carddav/bob/gal/u-bob.vcf", null).status()).isEqualTo(404);
        DavResponse bobHome = server.service.handle(DavRequest.of("PROPFIND", "/carddav/alice/", null, "Depth", "1",
                "Authorization", FakeServer.basic("bob", "pw")));
        assertThat(bobHome.text()).doesNotContain("/gal/");
        DavResponse own = server.service.handle(DavRequest.of("PROPFIND", "/carddav/bob/gal/", null, "Depth", "0",
                "Authorization", FakeServer.basic("bob", "pw")));
        assertThat(own.status()).isEqualTo(207);
    }
}
