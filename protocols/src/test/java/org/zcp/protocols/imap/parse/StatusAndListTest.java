package org.zcp.protocols.imap.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zcp.protocols.imap.parse.ListRequest.Return;
import org.zcp.protocols.imap.parse.ListRequest.Selection;
import org.zcp.protocols.imap.parse.StatusItems.Item;

/** STATUS, LIST and LSUB arguments. */
class StatusAndListTest {
    static ListRequest list(String args) throws ParseException {
        return ListRequest.parse(Commands.args("a LIST " + args));
    }

    @Test
    void statusRfc3501Example() throws Exception {
        Args a = Commands.args("A042 STATUS blurdybloop (UIDNEXT MESSAGES)");
        assertThat(a.mailbox()).isEqualTo("blurdybloop");
        assertThat(StatusItems.parse(a).items()).containsExactlyInAnyOrder(Item.UIDNEXT, Item.MESSAGES);
        a.end();
        assertThat(StatusItems.parse(Commands.args("a STATUS (messages recent uidnext uidvalidity unseen "
                + "highestmodseq size)")).items()).isEqualTo(EnumSet.allOf(Item.class));
    }

    @Test
    void statusErrors() {
        assertThatThrownBy(() -> StatusItems.parse(Commands.args("a STATUS ()"))).hasMessage("Empty status item list");
        assertThatThrownBy(() -> StatusItems.parse(Commands.args("a STATUS (FOO)"))).hasMessage("Unknown status item");
        assertThatThrownBy(() -> StatusItems.parse(Commands.args("a STATUS MESSAGES"))).hasMessage("List expected");
    }

    @Test
    void rfc3501ListExamples() throws Exception {
        assertThat(list("\"\" \"\"")).isEqualTo(new ListRequest("", List.of(""), Set.of(), Set.of(), null));
        assertThat(list("/usr/staff/jones \"\"").reference()).isEqualTo("/usr/staff/jones");
        ListRequest l = list("~/Mail/ %");
        assertThat(l.reference()).isEqualTo("~/Mail/");
        assertThat(l.patterns()).containsExactly("%");
        assertThat(l.extended()).isFalse();
        assertThat(list("\"\" *").patterns()).containsExactly("*");
        assertThat(list("\"\" inbox").patterns()).containsExactly("INBOX");
        assertThat(list("\"\" {5+}\r\nfoo/*").patterns()).containsExactly("foo/*");
        assertThat(list("\"\" ~peter/mail/&U,BTFw-/*").patterns()).containsExactly("~peter/mail/\u53f0\u5317/*");
        assertThat(list("\"\" [Gmail]/%").patterns()).containsExactly("[Gmail]/%");
    }

    @Test
    void extendedList() throws Exception {
        // RFC 5258 section 6, RFC 6154 section 5.1, RFC 5819
        ListRequest l = list("(SUBSCRIBED RECURSIVEMATCH) \"\" \"%\" RETURN (CHILDREN)");
        assertThat(l.selection()).containsExactlyInAnyOrder(Selection.SUBSCRIBED, Selection.RECURSIVEMATCH);
        assertThat(l.returns()).containsExactly(Return.CHILDREN);
        assertThat(l.extended()).isTrue();
        assertThat(list("(SPECIAL-USE) \"\" \"*\"").selection()).containsExactly(Selection.SPECIAL_USE);
        ListRequest s = list("\"\" \"%\" RETURN (SPECIAL-USE STATUS (MESSAGES UNSEEN) SUBSCRIBED)");
        assertThat(s.returns()).containsExactlyInAnyOrder(Return.SPECIAL_USE, Return.STATUS, Return.SUBSCRIBED);
        assertThat(s.status().items()).containsExactlyInAnyOrder(Item.MESSAGES, Item.UNSEEN);
        assertThat(list("() \"\" (\"INBOX\" \"Drafts\" Sent*)").patterns()).containsExactly("INBOX", "Drafts", "Sent*");
        assertThat(list("(remote) \"\" * RETURN ()").returns()).isEmpty();
    }

    @Test
    void listErrors() {
        assertThatThrownBy(() -> list("(RECURSIVEMATCH) \"\" *")).hasMessage("RECURSIVEMATCH needs another selection option");
        assertThatThrownBy(() -> list("(FOO) \"\" *")).hasMessage("Unknown selection option");
        assertThatThrownBy(() -> list("\"\" * RETURN (FOO)")).hasMessage("Unknown return option");
        assertThatThrownBy(() -> list("\"\" * RETURN (STATUS)")).hasMessage("Missing argument");
        assertThatThrownBy(() -> list("\"\" ()")).hasMessage("Empty pattern list");
        assertThatThrownBy(() -> list("\"\"")).hasMessage("Missing argument");
        assertThatThrownBy(() -> list("\"\" * x")).hasMessage("Too many arguments");
        assertThatThrownBy(() -> list("\"\" &AGE-*"))
                .hasMessage("Pattern is not valid modified UTF-7 (printable ASCII must not be encoded)");
        assertThatThrownBy(() -> list("\"\" a\\b")).hasMessage("Invalid pattern");
    }

    @Test
    void lsub() throws Exception {
        ListRequest l = ListRequest.parseLsub(Commands.args("A002 LSUB \"#news.\" \"comp.mail.*\""));
        assertThat(l.reference()).isEqualTo("#news.");
        assertThat(l.patterns()).containsExactly("comp.mail.*");
        assertThatThrownBy(() -> ListRequest.parseLsub(Commands.args("a LSUB (SUBSCRIBED) \"\" *")))
                .isInstanceOf(ParseException.class);
    }
}
