package org.zcp.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zcp.mime.MimeSamples.convertResource;
import static org.zcp.mime.MimeSamples.convertText;
import static org.zcp.mime.MimeSamples.number;
import static org.zcp.mime.MimeSamples.recipient;
import static org.zcp.mime.MimeSamples.string;

import org.junit.jupiter.api.Test;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValues;
import org.zcp.store.api.mapi.Recipient;
import org.zcp.mime.MimeToMapi;
import org.zcp.mime.MimeToMapiRecipientsTest;

class MimeToMapiRecipientsTest {

    @Test
    void toAndCcBecomeRecipientRowsOfTypeOneAndTwo() {
        // Given To: two addresses, Cc: two addresses (one folded onto a second line)
        // When the mail is converted
        Message m = convertResource("headers-full.eml");

        // Then there are four rows, To first, in header order
        assertThat(m.recipients).hasSize(4);
        assertThat(m.recipients).extracting(r -> PropValues.string(r.props, PropTag.PR_SMTP_ADDRESS))
                .containsExactly("juergen@example.de", "anna@example.org", "bob@example.com", "carol@example.net");
        assertThat(m.recipients).extracting(r -> PropValues.number(r.props, PropTag.PR_RECIPIENT_TYPE))
                .containsExactly(1L, 1L, 2L, 2L);
    }

    @Test
    void aRecipientRowCarriesDisplayNameAddressAndSmtpType() {
        Message m = convertResource("headers-full.eml");

        Recipient anna = recipient(m, "anna@example.org");
        assertThat(string(anna.props, PropTag.PR_DISPLAY_NAME)).isEqualTo("Anna Schmidt");
        assertThat(string(anna.props, PropTag.PR_EMAIL_ADDRESS)).isEqualTo("anna@example.org");
        assertThat(string(anna.props, PropTag.PR_ADDRTYPE)).isEqualTo("SMTP");
        assertThat(number(anna.props, PropTag.PR_RECIPIENT_TYPE)).isEqualTo((long) PropTag.MAPI_TO);
    }

    @Test
    void encodedWordDisplayNamesAreDecoded() {
        // Given To: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen@example.de>
        Message m = convertResource("headers-full.eml");

        // Then the row's display name is decoded
        assertThat(string(recipient(m, "juergen@example.de").props, PropTag.PR_DISPLAY_NAME))
                .isEqualTo("Jürgen Müller");
    }

    @Test
    void quotedDisplayNameWithCommaStaysOneRecipient() {
        Message m = convertResource("headers-full.eml");

        Recipient carol = recipient(m, "carol@example.net");
        assertThat(string(carol.props, PropTag.PR_DISPLAY_NAME)).isEqualTo("Carol, Jr.");
        assertThat(number(carol.props, PropTag.PR_RECIPIENT_TYPE)).isEqualTo((long) PropTag.MAPI_CC);
    }

    @Test
    void aBareAddressUsesTheAddressAsDisplayName() {
        Message m = convertResource("headers-full.eml");

        assertThat(string(recipient(m, "bob@example.com").props, PropTag.PR_DISPLAY_NAME))
                .isEqualTo("bob@example.com");
    }

    @Test
    void displayToAndDisplayCcJoinTheNamesWithSemicolons() {
        Message m = convertResource("headers-full.eml");

        assertThat(string(m.props, PropTag.PR_DISPLAY_TO)).isEqualTo("Jürgen Müller; Anna Schmidt");
        assertThat(string(m.props, PropTag.PR_DISPLAY_CC)).isEqualTo("bob@example.com; Carol, Jr.");
    }

    @Test
    void repeatedToHeadersAreAllUsed() {
        Message m = convertText("To: a@example.org\nTo: B <b@example.org>\nSubject: x\n\nBody.\n");

        assertThat(m.recipients).extracting(r -> PropValues.string(r.props, PropTag.PR_SMTP_ADDRESS))
                .containsExactly("a@example.org", "b@example.org");
        assertThat(string(m.props, PropTag.PR_DISPLAY_TO)).isEqualTo("a@example.org; B");
    }

    @Test
    void withoutToOrCcThereAreNoRowsAndNoDisplayProperties() {
        Message m = convertText("From: a@example.com\nSubject: x\n\nBody.\n");

        assertThat(m.recipients).isEmpty();
        assertThat(PropValues.find(m.props, PropTag.PR_DISPLAY_TO)).isNull();
        assertThat(PropValues.find(m.props, PropTag.PR_DISPLAY_CC)).isNull();
    }

    @Test
    void anEmptyGroupLikeUndisclosedRecipientsGivesNoRecipientRow() {
        // Given To: undisclosed-recipients:;
        Message m = convertResource("undisclosed-recipients.eml");

        // Then no To row with the group syntax as its address is made
        assertThat(m.recipients)
                .noneMatch(r -> Long.valueOf(PropTag.MAPI_TO).equals(PropValues.number(r.props, PropTag.PR_RECIPIENT_TYPE)));
        assertThat(PropValues.find(m.props, PropTag.PR_DISPLAY_TO)).isNull();
    }

    @Test
    void aGroupIsExpandedIntoItsMembers() {
        // Given Cc: Team: alice@example.org, bob@example.org;
        Message m = convertResource("undisclosed-recipients.eml");

        // Then each member is a Cc row of its own
        assertThat(m.recipients).extracting(r -> PropValues.string(r.props, PropTag.PR_SMTP_ADDRESS))
                .containsExactly("alice@example.org", "bob@example.org");
    }

    @Test
    void aHeaderOfThousandsOfAddressesKeepsTheFirstThousandRowsButNamesEverybody() {
        // issue 9: each row is a store object; 20,000 of them took minutes at delivery
        StringBuilder to = new StringBuilder();
        for (int i = 0; i < 1500; i++) to.append(i == 0 ? "" : ",\r\n ").append("r").append(i).append("@example.com");
        Message m = convertText("From: a@example.org\r\nTo: " + to + "\r\nCc: c@example.org\r\nSubject: many\r\n\r\nbody\r\n");

        assertThat(m.recipients).hasSize(MimeToMapi.MAX_RECIPIENTS);
        assertThat(string(m.props, PropTag.PR_DISPLAY_TO)).contains("r0@example.com").contains("r1499@example.com");
        assertThat(string(m.props, PropTag.PR_DISPLAY_CC)).isEqualTo("c@example.org");
    }
}
