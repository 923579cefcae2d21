package org.zcp.protocols.imap.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zcp.protocols.imap.parse.SearchKey.And;
import org.zcp.protocols.imap.parse.SearchKey.Body;
import org.zcp.protocols.imap.parse.SearchKey.DateKey;
import org.zcp.protocols.imap.parse.SearchKey.DateOp;
import org.zcp.protocols.imap.parse.SearchKey.HasFlag;
import org.zcp.protocols.imap.parse.SearchKey.Addresses;
import org.zcp.protocols.imap.parse.SearchKey.Header;
import org.zcp.protocols.imap.parse.SearchKey.ModSeq;
import org.zcp.protocols.imap.parse.SearchKey.Not;
import org.zcp.protocols.imap.parse.SearchKey.Or;
import org.zcp.protocols.imap.parse.SearchKey.Sequence;
import org.zcp.protocols.imap.parse.SearchKey.Size;
import org.zcp.protocols.imap.parse.SearchKey.Text;
import org.zcp.protocols.imap.parse.SearchKey.Uid;

class SearchRequestTest {
    static SearchRequest search(String args) throws ParseException {
        return SearchRequest.parse(Commands.args("a SEARCH " + args));
    }

    static SearchKey key(String args) throws ParseException {
        return search(args).key();
    }

    static final LocalDate FEB1 = LocalDate.of(1994, 2, 1);

    @Test
    void rfc3501Examples() throws Exception {
        assertThat(key("FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"")).isEqualTo(new And(List.of(
                new HasFlag(Flags.FLAGGED), new DateKey(false, DateOp.SINCE, FEB1),
                new Not(new Addresses("From", "Smith")))));
        assertThat(key("TEXT \"string not in mailbox\"")).isEqualTo(new Text("string not in mailbox"));
        SearchRequest r = search("CHARSET UTF-8 TEXT {6+}\r\nXXXXXX");
        assertThat(r.charset()).isEqualTo("UTF-8");
        assertThat(r.charsetSupported()).isTrue();
        assertThat(r.key()).isEqualTo(new Text("XXXXXX"));
        assertThat(r.returnOptions()).isNull();
    }

    @Test
    void everyKey() throws Exception {
        String all = "ALL ANSWERED BCC b BEFORE 1-Feb-1994 BODY x CC c DELETED DRAFT FLAGGED FROM f "
                + "HEADER X-Spam yes KEYWORD $Junk LARGER 100 NEW NOT SEEN OLD ON 1-Feb-1994 OR SEEN DRAFT RECENT SEEN "
                + "SENTBEFORE 1-Feb-1994 SENTON 1-Feb-1994 SENTSINCE 1-Feb-1994 SINCE 1-Feb-1994 SMALLER 5 SUBJECT s "
                + "TEXT t TO o UID 1:* UNANSWERED UNDELETED UNDRAFT UNFLAGGED UNKEYWORD $Junk UNSEEN 2,4:*";
        SearchKey k = key(all);
        HasFlag seen = new HasFlag(Flags.SEEN);
        HasFlag recent = new HasFlag(Flags.RECENT);
        assertThat(((And) k).keys()).containsExactly(
                new SearchKey.All(), new HasFlag(Flags.ANSWERED), new Addresses("Bcc", "b"),
                new DateKey(false, DateOp.BEFORE, FEB1), new Body("x"), new Addresses("Cc", "c"),
                new HasFlag(Flags.DELETED), new HasFlag(Flags.DRAFT), new HasFlag(Flags.FLAGGED), new Addresses("From", "f"),
                new Header("X-Spam", "yes"), new HasFlag("$Junk"), new Size(true, 100),
                new And(List.of(recent, new Not(seen))), new Not(seen), new Not(recent),
                new DateKey(false, DateOp.ON, FEB1), new Or(seen, new HasFlag(Flags.DRAFT)), recent, seen,
                new DateKey(true, DateOp.BEFORE, FEB1), new DateKey(true, DateOp.ON, FEB1),
                new DateKey(true, DateOp.SINCE, FEB1), new DateKey(false, DateOp.SINCE, FEB1), new Size(false, 5),
                new Header("Subject", "s"), new Text("t"), new Addresses("To", "o"),
                new Uid(SequenceSet.parse("1:*")), new Not(new HasFlag(Flags.ANSWERED)),
                new Not(new HasFlag(Flags.DELETED)), new Not(new HasFlag(Flags.DRAFT)),
                new Not(new HasFlag(Flags.FLAGGED)), new Not(new HasFlag("$Junk")), new Not(seen),
                new Sequence(SequenceSet.parse("2,4:*")));
    }

    @Test
    void groupsAndNesting() throws Exception {
        assertThat(key("OR (FROM a TO b) NOT (SEEN)")).isEqualTo(new Or(
                new And(List.of(new Addresses("From", "a"), new Addresses("To", "b"))), new Not(new HasFlag(Flags.SEEN))));
        assertThat(key("NOT NOT ALL")).isEqualTo(new Not(new Not(new SearchKey.All())));
        assertThat(key("((ALL))")).isEqualTo(new SearchKey.All());
        assertThat(key("* $")).isEqualTo(new And(List.of(new Sequence(SequenceSet.parse("*")),
                new Sequence(SequenceSet.parse("$")))));
        assertThat(key("HEADER Subject \"\"")).isEqualTo(new Header("Subject", ""));
        assertThat(key("ON \"1-Feb-1994\"")).isEqualTo(new DateKey(false, DateOp.ON, FEB1));
        assertThat(key("lArGeR 7")).isEqualTo(new Size(true, 7));
    }

    @Test
    void condstoreModSeq() throws Exception {
        // RFC 7162 section 3.1.5
        assertThat(key("MODSEQ \"/flags/\\\\draft\" all 620162338"))
                .isEqualTo(new ModSeq(620162338, "/flags/\\draft", "all"));
        assertThat(key("OR NOT MODSEQ 720162338 LARGER 50000")).isEqualTo(
                new Or(new Not(new ModSeq(720162338, null, null)), new Size(true, 50000)));
        assertThatThrownBy(() -> key("MODSEQ \"/flags/x\" mine 1")).hasMessage("Invalid MODSEQ entry type");
        assertThatThrownBy(() -> key("MODSEQ \"/other\" all 1")).hasMessage("Invalid MODSEQ entry");
        assertThatThrownBy(() -> key("MODSEQ x")).hasMessage("Number expected");
    }

    @Test
    void returnOptionsAndCharsets() throws Exception {
        SearchRequest r = search("RETURN (MIN COUNT save) CHARSET ISO-8859-1 BODY {6+}\r\n\u00e4\u00f6\u00fc");
        assertThat(r.returnOptions()).isEqualTo(Set.of("MIN", "COUNT", "SAVE"));
        assertThat(r.key()).isEqualTo(new Body("\u00c3\u00a4\u00c3\u00b6\u00c3\u00bc"));
        assertThat(search("RETURN () ALL").returnOptions()).isEmpty();
        SearchRequest unknown = search("CHARSET X-NOPE ALL");
        assertThat(unknown.charsetSupported()).isFalse();
        assertThat(unknown.charset()).isEqualTo("X-NOPE");
        assertThatThrownBy(() -> search("RETURN (FOO) ALL")).hasMessage("Unknown RETURN option");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FOO", "", "FROM", "BEFORE 31-Feb-1994", "SINCE 1-Fbr-1994", "ON 1994-02-01", "LARGER x",
        "UID 0", "UID 1:", "0", "()", "OR SEEN", "NOT", "KEYWORD \\Seen", "HEADER Subject",
        "CHARSET", "SMALLER -1", "KEYWORD (x)"})
    void invalidCriteria(String args) {
        assertThatThrownBy(() -> key(args)).isInstanceOf(ParseException.class);
    }

    @Test
    void unknownKeyMessage() {
        assertThatThrownBy(() -> key("ALL FOO")).isInstanceOf(ParseException.class).hasMessage("Unknown search key");
        assertThatThrownBy(() -> key("SINCE 31-Feb-1994")).hasMessage("Invalid date");
    }

    @Test
    void deepNestingIsBounded() {
        assertThatThrownBy(() -> key("NOT ".repeat(200) + "ALL")).hasMessage("Search criteria nested too deeply");
    }
}
