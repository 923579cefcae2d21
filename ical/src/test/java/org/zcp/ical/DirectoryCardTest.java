package org.zcp.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import org.junit.jupiter.api.Test;
import org.zcp.ical.DirectoryCard.Kind;

/** Entries of the global address book as vCards 3.0 and 4.0. */
class DirectoryCardTest {
    @Test
    void aUserShouldHaveNamesAddressCompanyAndLogin() {
        String v3 = DirectoryCard.render("zcp-gal-u3", Kind.INDIVIDUAL, "alice", "Alice van Adams", "alice@example.com",
                "Example Ltd", "3.0");

        assertThat(v3).startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\n").endsWith("END:VCARD\r\n")
                .contains("\r\nUID:zcp-gal-u3\r\n", "\r\nFN:Alice van Adams\r\n", "\r\nN:Adams;Alice van;;;\r\n",
                        "\r\nEMAIL;TYPE=work:alice@example.com\r\n", "\r\nORG:Example Ltd\r\n",
                        "\r\nX-ZCP-LOGIN:alice\r\n")
                .doesNotContain("KIND");
        VCard parsed = Ezvcard.parse(v3).first();
        assertThat(parsed.getFormattedName().getValue()).isEqualTo("Alice van Adams");
        assertThat(parsed.getEmails()).hasSize(1);

        String v4 = DirectoryCard.render("zcp-gal-u3", Kind.INDIVIDUAL, "alice", "Alice van Adams", "alice@example.com",
                "", "4.0");
        assertThat(v4).startsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n").contains("\r\nFN:Alice van Adams\r\n")
                .doesNotContain("ORG").doesNotContain("KIND");
    }

    @Test
    void withoutFullNameOrAddressTheNameShouldDo() {
        String v = DirectoryCard.render("zcp-gal-u4", Kind.INDIVIDUAL, "bob", null, "", null, "3.0");

        assertThat(v).contains("\r\nFN:bob\r\n", "\r\nN:bob;;;;\r\n").doesNotContain("EMAIL").doesNotContain("ORG");
    }

    @Test
    void groupsRoomsAndEquipmentShouldSayWhatTheyAre() {
        String g3 = DirectoryCard.render("zcp-gal-g1", Kind.GROUP, "sales", "Sales Team", "sales@example.com", "", "3.0");
        String g4 = DirectoryCard.render("zcp-gal-g1", Kind.GROUP, "sales", "Sales Team", "sales@example.com", "", "4.0");

        assertThat(g3).contains("\r\nX-ADDRESSBOOKSERVER-KIND:group\r\n", "\r\nN:Sales Team;;;;\r\n")
                .doesNotContain("\r\nKIND:");
        assertThat(g4).contains("\r\nKIND:group\r\n").doesNotContain("X-ADDRESSBOOKSERVER-KIND");
        assertThat(DirectoryCard.render("r", Kind.LOCATION, "room1", "Room 1", "", "", "4.0")).contains("\r\nKIND:location\r\n");
        assertThat(DirectoryCard.render("d", Kind.DEVICE, "beamer", "Beamer", "", "", "4.0")).contains("\r\nKIND:device\r\n");
        assertThat(DirectoryCard.render("d", Kind.DEVICE, "beamer", "Beamer", "", "", "3.0")).doesNotContain("KIND");
    }

    @Test
    void otherVersionsShouldBeRefused() {
        assertThatThrownBy(() -> DirectoryCard.render("x", Kind.INDIVIDUAL, "x", "", "", "", "2.1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
