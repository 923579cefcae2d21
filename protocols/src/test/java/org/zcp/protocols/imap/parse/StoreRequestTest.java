package org.zcp.protocols.imap.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zcp.protocols.imap.parse.StoreRequest.Mode;

class StoreRequestTest {
    static StoreRequest store(String args) throws ParseException {
        return StoreRequest.parse(Commands.args("a STORE " + args));
    }

    @Test
    void rfc3501Example() throws Exception {
        StoreRequest s = store("2:4 +FLAGS (\\Deleted)");
        assertThat(s).isEqualTo(new StoreRequest(SequenceSet.parse("2:4"), -1, Mode.ADD, false, Set.of(Flags.DELETED)));
    }

    @Test
    void modesSilentAndFlagSpelling() throws Exception {
        StoreRequest s = store("1 flags.silent (\\seen $Junk \\ANSWERED \\Seen NonJunk)");
        assertThat(s.mode()).isEqualTo(Mode.REPLACE);
        assertThat(s.silent()).isTrue();
        assertThat(s.flags()).containsExactlyInAnyOrder(Flags.SEEN, "$Junk", Flags.ANSWERED, "NonJunk");
        StoreRequest minus = store("1:* -FLAGS \\Seen \\Flagged");
        assertThat(minus.mode()).isEqualTo(Mode.REMOVE);
        assertThat(minus.flags()).containsExactlyInAnyOrder(Flags.SEEN, Flags.FLAGGED);
        assertThat(store("1 FLAGS ()").flags()).isEmpty();
        assertThat(store("1 +FLAGS \\Draft \\X-Custom").flags()).containsExactlyInAnyOrder(Flags.DRAFT, "\\X-Custom");
    }

    @Test
    void unchangedSince() throws Exception {
        // RFC 7162 section 3.1.3
        StoreRequest s = store("7,5,9 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Deleted)");
        assertThat(s.unchangedSince()).isEqualTo(320162338);
        assertThat(s.set()).isEqualTo(SequenceSet.parse("7,5,9"));
        assertThat(s.silent()).isTrue();
        assertThat(store("1 (UNCHANGEDSINCE 0) FLAGS ()").unchangedSince()).isZero();
        assertThat(s.toString()).startsWith("7,5,9 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 +FLAGS (\\Recent)", "1 FLAGZ (\\Seen)", "0 +FLAGS (\\Seen)", "1: +FLAGS (\\Seen)",
        "1 +FLAGS", "1 +FLAGS (\"x\")", "1 +FLAGS ((\\Seen))", "1 +FLAGS (\\Seen) x", "1 *FLAGS (\\Seen)",
        "1 +FLAGS.LOUD (\\Seen)", "1 (UNCHANGEDSINCE) FLAGS ()", "1 (FOO 1) FLAGS ()",
        "1 (UNCHANGEDSINCE 1 UNCHANGEDSINCE 2) FLAGS ()", "1 +FLAGS (\\*)", "1 +FLAGS (a%b)", "1 +FLAGS (\\)",
        "1 +FLAGS (\\Seen) (\\Draft)"})
    void invalid(String args) {
        assertThatThrownBy(() -> store(args)).isInstanceOf(ParseException.class);
    }

    @Test
    void recentCannotBeSet() {
        assertThatThrownBy(() -> store("1 +FLAGS (\\recent)")).hasMessage("\\Recent cannot be set");
    }
}
