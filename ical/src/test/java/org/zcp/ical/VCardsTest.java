package org.zcp.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.Attachment;
import org.zcp.store.api.mapi.Message;

/** vCards to IPM.Contact and back, 3.0 and 4.0 both ways. */
class VCardsTest {
    private final TestIds ids = new TestIds();

    static Stream<String> cards() {
        return Corpus.files("vcard", ".vcf");
    }

    @ParameterizedTest
    @MethodSource("cards")
    void cardShouldRoundTripThroughVersion3And4(String file) {
        Parsed first = VCards.parse(Corpus.read("vcard", file), ids);

        for (String version : new String[] {"3.0", "4.0"}) {
            String rendered = VCards.render(first.message(), ids, version);
            Parsed second = VCards.parse(rendered, ids);

            assertThat(rendered).startsWith("BEGIN:VCARD\r\nVERSION:" + version + "\r\n");
            assertThat(second.uid()).isEqualTo(first.uid());
            assertThat(Corpus.view(withoutExtra(second.message()))).as(rendered)
                    .isEqualTo(Corpus.view(withoutExtra(first.message())));
        }
    }

    /** The extra text is vCard text of the version written; the properties it holds must survive, not its form. */
    private Message withoutExtra(Message m) {
        Message c = new Message();
        c.props = new java.util.ArrayList<>(m.props);
        c.props.removeIf(p -> p.tag == ids.tag(Names.EXTRA));
        c.recipients = m.recipients;
        c.attachments = m.attachments;
        return c;
    }

    @Test
    void googleCardShouldMapNamesMailPhonesAddressesAndPhoto() {
        String text = Corpus.read("vcard", "google-photo-3.0.vcf");
        Message m = VCards.parse(text, ids).message();
        Props p = new Props(m.props, ids);

        assertThat(p.str(PropTag.PR_MESSAGE_CLASS)).isEqualTo("IPM.Contact");
        assertThat(p.str(PropTag.PR_DISPLAY_NAME)).isEqualTo("Dr. Jürgen Karl Schneider Jr.");
        assertThat(p.str(Tags.PR_GIVEN_NAME)).isEqualTo("Jürgen");
        assertThat(p.str(Tags.PR_SURNAME)).isEqualTo("Schneider");
        assertThat(p.str(Tags.PR_MIDDLE_NAME)).isEqualTo("Karl");
        assertThat(p.str(Tags.PR_DISPLAY_NAME_PREFIX)).isEqualTo("Dr.");
        assertThat(p.str(Tags.PR_GENERATION)).isEqualTo("Jr.");
        assertThat(p.str(Names.FILE_UNDER)).isEqualTo("Schneider, Jürgen");
        assertThat(p.str(Names.EMAIL[0][Names.EMAIL_ADDRESS])).isEqualTo("j.schneider@example.de");
        assertThat(p.str(Names.EMAIL[2][Names.EMAIL_ADDRESS])).isEqualTo("js@example.org");
        assertThat(p.str(Names.EMAIL[0][Names.EMAIL_ADDRESS_TYPE])).isEqualTo("SMTP");
        assertThat(p.str(Names.EMAIL[0][Names.EMAIL_DISPLAY_NAME])).isEqualTo("Dr. Jürgen Karl Schneider Jr. (j.schneider@example.de)");
        assertThat(p.str(Names.EXTRA)).contains("fourth@example.org", "X-GOOGLE-TALK:jschneider");
        assertThat(p.str(Tags.PR_MOBILE_TELEPHONE_NUMBER)).isEqualTo("+49 170 1234567");
        assertThat(p.str(Tags.PR_BUSINESS_TELEPHONE_NUMBER)).isEqualTo("+49 30 1234560");
        assertThat(p.str(Tags.PR_HOME_TELEPHONE_NUMBER)).isEqualTo("+49 30 7654321");
        assertThat(p.str(Tags.PR_BUSINESS_FAX_NUMBER)).isEqualTo("+49 30 1234569");
        assertThat(p.str(Names.WORK_STREET)).isEqualTo("Friedrichstraße 100");
        assertThat(p.str(Names.WORK_CITY)).isEqualTo("Berlin");
        assertThat(p.str(Tags.PR_HOME_ADDRESS_CITY)).isEqualTo("Potsdam");
        assertThat(p.str(Tags.PR_HOME_ADDRESS_POSTAL_CODE)).isEqualTo("14467");
        assertThat(p.str(Tags.PR_COMPANY_NAME)).isEqualTo("Example GmbH");
        assertThat(p.str(Tags.PR_DEPARTMENT_NAME)).isEqualTo("Research");
        assertThat(p.str(Tags.PR_TITLE)).isEqualTo("Head of Research");
        assertThat(p.num(Tags.PR_BIRTHDAY)).isEqualTo(Instant.parse("1975-04-23T00:00:00Z").toEpochMilli());
        assertThat(p.str(Tags.PR_BUSINESS_HOME_PAGE)).isEqualTo("https://www.example.de/");
        assertThat(p.str(PropTag.PR_BODY)).isEqualTo("Met at the 2024 conference.\nPrefers e-mail.");
        assertThat(p.strs(Names.KEYWORDS)).containsExactly("myContacts", "Work");
        assertThat(p.str(Names.UID)).isEqualTo("6b2f1c0a8e9d4f3b");
        assertThat(p.bool(Names.HAS_PICTURE)).isTrue();
        assertThat(m.attachments).hasSize(1);
        Attachment a = m.attachments.get(0);
        Props ap = new Props(a.props, null);
        assertThat(ap.get(Tags.PR_ATTACHMENT_CONTACTPHOTO).b).isTrue();
        assertThat(ap.num(PropTag.PR_ATTACH_METHOD)).isEqualTo(1L);
        assertThat(ap.str(Tags.PR_ATTACH_EXTENSION)).isEqualTo(".jpg");
        assertThat(ap.str(PropTag.PR_ATTACH_MIME_TAG)).isEqualTo("image/jpeg");
        String b64 = text.substring(text.indexOf("PHOTO;ENCODING=b;TYPE=JPEG:") + 27, text.indexOf("\r\nX-GOOGLE-TALK"))
                .replace("\r\n ", "");
        assertThat(a.data).isEqualTo(Base64.getDecoder().decode(b64));
    }

    @Test
    void appleCardShouldMapNicknameMainNumberAndHomeAddress() {
        Props p = new Props(VCards.parse(Corpus.read("vcard", "apple-3.0.vcf"), ids).message().props, ids);

        assertThat(p.str(Tags.PR_NICKNAME)).isEqualTo("Johnny");
        assertThat(p.str(Tags.PR_PRIMARY_TELEPHONE_NUMBER)).isEqualTo("+1 (555) 010-0100");
        assertThat(p.str(Tags.PR_MOBILE_TELEPHONE_NUMBER)).isEqualTo("+1 (555) 010-0101");
        assertThat(p.str(Tags.PR_HOME_ADDRESS_STREET)).isEqualTo("1 Apple Lane");
        assertThat(p.str(Tags.PR_COMPANY_NAME)).isEqualTo("Orchard Inc.");
        assertThat(p.str(Names.EXTRA)).contains("X-ABUID", "REV");
    }

    @Test
    void version4CardShouldMapTelUrisAnniversaryAndPngPhoto() {
        Message m = VCards.parse(Corpus.read("vcard", "rfc6350-4.0.vcf"), ids).message();
        Props p = new Props(m.props, ids);

        assertThat(p.str(Tags.PR_BUSINESS_TELEPHONE_NUMBER)).isEqualTo("+33-1-44-27-00-00");
        assertThat(p.str(Tags.PR_MOBILE_TELEPHONE_NUMBER)).isEqualTo("+33-6-00-00-00-01");
        assertThat(p.num(Tags.PR_WEDDING_ANNIVERSARY)).isEqualTo(Instant.parse("1895-07-26T00:00:00Z").toEpochMilli());
        assertThat(p.num(Tags.PR_BIRTHDAY)).isEqualTo(Instant.parse("1867-11-07T00:00:00Z").toEpochMilli());
        assertThat(p.str(Names.UID)).isEqualTo("urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1");
        assertThat(new Props(m.attachments.get(0).props, null).str(Tags.PR_ATTACH_EXTENSION)).isEqualTo(".png");
        assertThat(p.str(Names.EXTRA)).contains("IMPP", "GENDER");
        assertThat(VCards.render(m, ids, "3.0")).contains("X-ANNIVERSARY:1895-07-26");
        assertThat(VCards.render(m, ids, "4.0")).contains("ANNIVERSARY:18950726", "PHOTO:data:image/png;base64,");
    }
}
