package org.zcp.protocols.imap.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Modified UTF-7, RFC 3501 section 5.1.3. */
class MailboxNamesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "&-|&",
        "Entw&APw-rfe|Entw\u00fcrfe",
        "~peter/mail/&U,BTFw-/&ZeVnLIqe-|~peter/mail/\u53f0\u5317/\u65e5\u672c\u8a9e",
        "INBOX|INBOX",
        "Tom &- Jerry|Tom & Jerry",
        "a&-b&-|a&b&",
        "&2D3eAA-|\ud83d\ude00",
        "&AOQA9gD8-|\u00e4\u00f6\u00fc",
    })
    void roundTrip(String wire, String decoded) {
        assertThat(MailboxNames.decode(wire)).isEqualTo(decoded);
        assertThat(MailboxNames.encode(decoded)).isEqualTo(wire);
    }

    @Test
    void controlCharactersAreEncoded() {
        assertThat(MailboxNames.encode("a\tb")).isEqualTo("a&AAk-b");
        assertThat(MailboxNames.decode("a&AAk-b")).isEqualTo("a\tb");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "&", "&AGE", "&AGE-", "&Jjo!-", "Entw\u00fcrfe", "&APw", "&APx-", "&AP-", "&2D0-", "a\u0001b"})
    void invalidEncodings(String wire) {
        assertThatThrownBy(() -> MailboxNames.decode(wire)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void argsDecodeMailboxesAndCanonicaliseInbox() throws Exception {
        Args a = Commands.args("a SELECT inbox \"Entw&APw-rfe\" {5+}\r\nInBoX INBOX.x &- inbox/Work Inboxes NIL");
        assertThat(a.mailbox()).isEqualTo("INBOX");
        assertThat(a.mailbox()).isEqualTo("Entw\u00fcrfe");
        assertThat(a.mailbox()).isEqualTo("INBOX");
        assertThat(a.mailbox()).isEqualTo("INBOX.x");
        assertThat(a.mailbox()).isEqualTo("&");
        assertThat(a.mailbox()).isEqualTo("INBOX/Work");
        assertThat(a.mailbox()).isEqualTo("Inboxes");
        assertThat(a.mailbox()).isEqualTo("NIL");
    }

    @Test
    void everyAtomCharacterMakesAMailboxNameAndAnInvalidEncodingIsRefusedWithNo() throws Exception {
        // issue 10: a strict tester's name of every ATOM-CHAR ("&" written "&-" as RFC 3501 5.1.3 asks)
        assertThat(Commands.args("a CREATE !#$&-'+,-.0123456789:;<=>?@^_`|}~[]").mailbox())
                .isEqualTo("!#$&'+,-.0123456789:;<=>?@^_`|}~[]");
        assertThatThrownBy(() -> Commands.args("a SELECT &AGE-").mailbox()).isInstanceOf(ParseException.class)
                .hasMessage("Mailbox name is not valid modified UTF-7 (printable ASCII must not be encoded)")
                .satisfies(e -> assertThat(((ParseException) e).code()).isEqualTo("CANNOT"));
        assertThatThrownBy(() -> Commands.args("a SELECT \"a&b\"").mailbox())
                .hasMessage("Mailbox name is not valid modified UTF-7 (unterminated & sequence)");
    }
}
