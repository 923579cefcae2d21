package org.zcp.protocols.imap.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zcp.protocols.imap.parse.FetchAttributes.Binary;
import org.zcp.protocols.imap.parse.FetchAttributes.BodySection;
import org.zcp.protocols.imap.parse.FetchAttributes.Partial;
import org.zcp.protocols.imap.parse.FetchAttributes.Simple;
import org.zcp.protocols.imap.parse.FetchAttributes.SimpleAttribute;
import org.zcp.protocols.imap.parse.Section.Specifier;

class FetchAttributesTest {
    /** Parses "FETCH set items..." and checks the set is there. */
    static FetchAttributes fetch(String args) throws ParseException {
        Args a = Commands.args("a FETCH " + args);
        a.sequenceSet();
        return FetchAttributes.parse(a);
    }

    static SimpleAttribute simple(Simple s) {
        return new SimpleAttribute(s);
    }

    @Test
    void rfc3501Example() throws Exception {
        FetchAttributes f = fetch("2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])");
        assertThat(f.items()).containsExactly(simple(Simple.FLAGS), new BodySection(false,
                new Section(List.of(), Specifier.HEADER_FIELDS, List.of("DATE", "FROM")), null));
        assertThat(f.changedSince()).isEqualTo(-1);
        assertThat(f.setsSeen()).isTrue();
        assertThat(f.toString()).isEqualTo("(FLAGS BODY[HEADER.FIELDS (DATE FROM)])");
    }

    @Test
    void macros() throws Exception {
        assertThat(fetch("1 ALL").items()).containsExactly(simple(Simple.FLAGS), simple(Simple.INTERNALDATE),
                simple(Simple.RFC822_SIZE), simple(Simple.ENVELOPE));
        assertThat(fetch("1 fast").items()).containsExactly(simple(Simple.FLAGS), simple(Simple.INTERNALDATE),
                simple(Simple.RFC822_SIZE));
        assertThat(fetch("1 FULL").items()).hasSize(5).endsWith(simple(Simple.BODY));
        assertThatThrownBy(() -> fetch("1 (ALL)")).hasMessage("Unknown fetch item");
    }

    @Test
    void everySimpleItem() throws Exception {
        FetchAttributes f = fetch("1 (ENVELOPE FLAGS INTERNALDATE RFC822 RFC822.HEADER RFC822.SIZE RFC822.TEXT BODY "
                + "BODYSTRUCTURE UID MODSEQ)");
        assertThat(f.items()).extracting(a -> ((SimpleAttribute) a).kind()).containsExactly(Simple.values());
        assertThat(f.includesModSeq()).isTrue();
        assertThat(fetch("1 uid").items()).containsExactly(simple(Simple.UID));
    }

    @Test
    void sectionsAndPartials() throws Exception {
        FetchAttributes f = fetch("1 (BODY[] BODY.PEEK[1.2.MIME] body[3.header.fields.not (X-A \"Received\")]<10.20> "
                + "BODY[TEXT]<0.2048> BODY[4.1] BODY[2.HEADER] BODY[HEADER])");
        assertThat(f.items()).containsExactly(
                new BodySection(false, new Section(List.of(), Specifier.NONE, List.of()), null),
                new BodySection(true, new Section(List.of(1, 2), Specifier.MIME, List.of()), null),
                new BodySection(false, new Section(List.of(3), Specifier.HEADER_FIELDS_NOT, List.of("X-A", "Received")),
                        new Partial(10, 20)),
                new BodySection(false, new Section(List.of(), Specifier.TEXT, List.of()), new Partial(0, 2048)),
                new BodySection(false, new Section(List.of(4, 1), Specifier.NONE, List.of()), null),
                new BodySection(false, new Section(List.of(2), Specifier.HEADER, List.of()), null),
                new BodySection(false, new Section(List.of(), Specifier.HEADER, List.of()), null));
        assertThat(f.items()).extracting(FetchAttributes::wire).containsExactly("BODY[]", "BODY[1.2.MIME]",
                "BODY[3.HEADER.FIELDS.NOT (X-A Received)]<10>", "BODY[TEXT]<0>", "BODY[4.1]", "BODY[2.HEADER]",
                "BODY[HEADER]");
    }

    @Test
    void peekDoesNotSetSeen() throws Exception {
        assertThat(fetch("1 (BODY.PEEK[] FLAGS RFC822.SIZE RFC822.HEADER BINARY.SIZE[1])").setsSeen()).isFalse();
        assertThat(fetch("1 RFC822").setsSeen()).isTrue();
        assertThat(fetch("1 BINARY[1]").setsSeen()).isTrue();
    }

    @Test
    void binary() throws Exception {
        FetchAttributes f = fetch("1 (BINARY.PEEK[1.2]<0.10> BINARY.SIZE[3] BINARY[])");
        assertThat(f.items()).containsExactly(new Binary(true, false, List.of(1, 2), new Partial(0, 10)),
                new Binary(false, true, List.of(3), null), new Binary(false, false, List.of(), null));
        assertThat(f.items()).extracting(FetchAttributes::wire)
                .containsExactly("BINARY[1.2]<0>", "BINARY.SIZE[3]", "BINARY[]");
    }

    @Test
    void condstoreModifiers() throws Exception {
        // RFC 7162 section 3.1.4.1 and 3.2.6
        FetchAttributes f = fetch("1:* (FLAGS) (CHANGEDSINCE 12345)");
        assertThat(f.changedSince()).isEqualTo(12345);
        assertThat(f.vanished()).isFalse();
        assertThat(f.includesModSeq()).isTrue();
        FetchAttributes q = fetch("300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)");
        assertThat(q.vanished()).isTrue();
        assertThat(q.toString()).isEqualTo("(FLAGS) (CHANGEDSINCE 12345 VANISHED)");
        assertThatThrownBy(() -> fetch("1 FLAGS (VANISHED)")).hasMessage("VANISHED requires CHANGEDSINCE");
        assertThatThrownBy(() -> fetch("1 FLAGS (CHANGEDSINCE 1 CHANGEDSINCE 2)"))
                .hasMessage("Unknown or repeated fetch modifier");
        assertThatThrownBy(() -> fetch("1 FLAGS (FOO)")).hasMessage("Unknown or repeated fetch modifier");
        assertThatThrownBy(() -> fetch("1 FLAGS (CHANGEDSINCE x)")).hasMessage("Number expected");
        assertThatThrownBy(() -> fetch("1 FLAGS (CHANGEDSINCE 1) x")).hasMessage("Too many arguments");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BODY[MIME]", "BODY[HEADER.FIELDS]", "BODY[HEADER.FIELDS ()]", "BODY[0]", "BODY[1.0.TEXT]",
        "BODY[FOO]", "BODY[]<0.0>", "BODY[]<0>", "BODY[]<.1>", "BODY[]<a.1>", "BODY[]x", "BODY.PEEK", "BODY[TEXT (A)]",
        "BINARY[1.TEXT]", "BINARY.SIZE[1]<0.1>", "RFC822.PEEK", "FOO", "BODY[HEADER.FIELDS (A:B)]", "X[1]"})
    void invalidItems(String item) {
        assertThatThrownBy(() -> fetch("1 (" + item + ")")).isInstanceOf(ParseException.class);
    }

    @Test
    void emptyListAndMissingItems() {
        assertThatThrownBy(() -> fetch("1 ()")).hasMessage("Empty fetch item list");
        assertThatThrownBy(() -> fetch("1")).hasMessage("Missing argument");
        assertThatThrownBy(() -> fetch("1 \"FLAGS\"")).hasMessage("Invalid fetch item");
    }
}
