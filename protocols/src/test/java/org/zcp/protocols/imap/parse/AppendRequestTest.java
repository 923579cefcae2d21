package org.zcp.protocols.imap.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AppendRequestTest {
    static final String MESSAGE = "Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\nFrom: Fred Foobar "
            + "<foobar@Blurdybloop.COM>\r\nSubject: afternoon meeting\r\n\r\nHello Joe, do you think we can meet at "
            + "3:30 tomorrow?\r\n";

    static AppendRequest append(String args) throws ParseException {
        return AppendRequest.parse(Commands.args("a APPEND " + args));
    }

    @Test
    void rfc3501Example() throws Exception {
        RawCommand c = Commands.read("A003 APPEND saved-messages (\\Seen) {" + MESSAGE.length() + "+}\r\n" + MESSAGE);
        AppendRequest a = AppendRequest.parse(c.cursor());
        assertThat(a.mailbox()).isEqualTo("saved-messages");
        assertThat(a.flags()).containsExactly(Flags.SEEN);
        assertThat(a.internalDate()).isNull();
        assertThat(a.message().text()).isEqualTo(MESSAGE);
        assertThat(a.message().binary()).isFalse();
    }

    @Test
    void withDateTimeAndNoFlags() throws Exception {
        AppendRequest a = append("inbox \"17-Jul-1996 02:44:25 -0700\" {2+}\r\nhi");
        assertThat(a.mailbox()).isEqualTo("INBOX");
        assertThat(a.flags()).isEmpty();
        assertThat(a.internalDate()).isEqualTo(OffsetDateTime.of(1996, 7, 17, 2, 44, 25, 0, ZoneOffset.ofHours(-7)));
        AppendRequest b = append("Drafts (\\Draft $Foo) \" 7-Jul-1996 02:44:25 +0200\" {1+}\r\nx");
        assertThat(b.flags()).containsExactlyInAnyOrder(Flags.DRAFT, "$Foo");
        assertThat(b.internalDate().getDayOfMonth()).isEqualTo(7);
    }

    @Test
    void literal8() throws Exception {
        byte[] wire = "a APPEND INBOX () ~{3}\r\n\0\u00ff\u0001\r\n".getBytes(StandardCharsets.ISO_8859_1);
        ImapReader r = new ImapReader(new ByteArrayInputStream(wire), ImapReader.Limits.defaults(), () -> { });
        AppendRequest a = AppendRequest.parse(r.read().cursor());
        assertThat(a.message().binary()).isTrue();
        assertThat(a.message().bytes()).containsExactly(0, 0xff, 1);
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> append("INBOX \"17-Jul-1996 02:44:25\" {1+}\r\nx")).hasMessage("Invalid date-time");
        assertThatThrownBy(() -> append("INBOX \"31-Feb-1996 02:44:25 +0000\" {1+}\r\nx")).hasMessage("Invalid date");
        assertThatThrownBy(() -> append("INBOX \"message text\"")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> append("INBOX (\\Seen)")).hasMessage("Missing argument");
        assertThatThrownBy(() -> append("INBOX (\\Recent) {1+}\r\nx")).hasMessage("\\Recent cannot be set");
        assertThatThrownBy(() -> append("INBOX {1+}\r\nx {1+}\r\ny")).hasMessage("Too many arguments");
        assertThatThrownBy(() -> append("INBOX x")).hasMessage("Literal expected");
    }
}
