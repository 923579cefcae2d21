package org.zcp.caldav.dav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class XmlTest {
    @Test
    void multistatusShouldGroupPropertiesByStatusWithFixedPrefixes() {
        Multistatus ms = new Multistatus();
        ms.entry("/caldav/alice/Calendar/").props(List.of(Names.DISPLAYNAME, Names.GETCTAG, Names.CALENDAR_COLOR),
                Map.of(Names.DISPLAYNAME, PropValue.text("Calendar & more"), Names.GETCTAG, PropValue.text("7"))).done();
        String xml = new String(Xml.serialize(ms.document()), StandardCharsets.UTF_8);
        assertThat(xml).contains("<D:multistatus xmlns:A=\"http://apple.com/ns/ical/\"")
                .contains("<D:href>/caldav/alice/Calendar/</D:href>")
                .contains("<D:displayname>Calendar &amp; more</D:displayname><CS:getctag>7</CS:getctag>")
                .contains("<A:calendar-color/></D:prop><D:status>HTTP/1.1 404 Not Found</D:status>");
        Element parsed = Xml.parse(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(Xml.children(parsed, Names.RESPONSE)).hasSize(1);
    }

    @Test
    void propertyOfAnUnknownNamespaceShouldDeclareItWhereItIsUsed() {
        Multistatus ms = new Multistatus();
        ms.entry("/x").prop(new QName("urn:example", "color"), 404, null).done();
        String xml = new String(Xml.serialize(ms.document()), StandardCharsets.UTF_8);
        assertThat(xml).contains("<color xmlns=\"urn:example\"/>");
        assertThat(Xml.parse(xml.getBytes(StandardCharsets.UTF_8))).isNotNull();
    }

    @Test
    void aPropertyThatFailsToComputeShouldBeA500OfItsOwn() {
        Multistatus ms = new Multistatus();
        ms.entry("/x").found(Names.GETETAG, PropValue.text("\"1\"")).found(Names.CALENDAR_DATA, e -> {
            throw new IllegalStateException("cannot render");
        }).done();
        String xml = new String(Xml.serialize(ms.document()), StandardCharsets.UTF_8);
        assertThat(xml).contains("<D:getetag>\"1\"</D:getetag></D:prop><D:status>HTTP/1.1 200 OK")
                .contains("<C:calendar-data/></D:prop><D:status>HTTP/1.1 500");
    }

    @Test
    void parseShouldRefuseADoctypeAsABadRequest() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<D:propfind xmlns:D=\"DAV:\">&e;</D:propfind>";
        assertThatThrownBy(() -> Xml.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(DavException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void errorBodyShouldNameThePrecondition() {
        String xml = new String(Xml.serialize(Xml.error(Names.VALID_SYNC_TOKEN)), StandardCharsets.UTF_8);
        assertThat(xml).contains("<D:error").contains("<D:valid-sync-token/></D:error>");
    }

    @Test
    void propRequestShouldReadNamesAndTheAskedVCardVersion() {
        Element body = Xml.parse(("<CR:addressbook-multiget xmlns:D=\"DAV:\" xmlns:CR=\"urn:ietf:params:xml:ns:carddav\">"
                + "<D:prop><D:getetag/><CR:address-data version=\"4.0\"/></D:prop></CR:addressbook-multiget>")
                .getBytes(StandardCharsets.UTF_8));
        PropRequest p = PropRequest.of(body);
        assertThat(p.names()).containsExactly(Names.GETETAG, Names.ADDRESS_DATA);
        assertThat(p.addressVersion()).isEqualTo("4.0");
        assertThat(p.needsBodies()).isTrue();
        assertThat(PropRequest.of(null).mode()).isEqualTo(PropRequest.Mode.ALL);
    }
}
