package org.zcp.protocols.imap.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArgsTest {
    @Test
    void astringNstringAndNumbers() throws Exception {
        Args a = Commands.args("a X atom \"q s\" {3+}\r\nlit NIL NIL 4294967295 0 9223372036854775808");
        assertThat(a.astring()).isEqualTo("atom");
        assertThat(a.astring()).isEqualTo("q s");
        assertThat(a.astring()).isEqualTo("lit");
        assertThat(a.astring()).isEqualTo("NIL");
        assertThat(a.nstring()).isNull();
        assertThat(a.number()).isEqualTo(4294967295L);
        assertThatThrownBy(a::nzNumber).hasMessage("Number must not be zero");
        assertThatThrownBy(a::modSequence).hasMessage("Number too large");
        assertThatThrownBy(a::next).hasMessage("Missing argument");
    }

    @Test
    void numberLimits() throws Exception {
        assertThatThrownBy(() -> Commands.args("a X 4294967296").number()).hasMessage("Number too large");
        assertThat(Commands.args("a X 9223372036854775807").modSequence()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> Commands.args("a X 12a").number()).hasMessage("Number expected");
        assertThatThrownBy(() -> Commands.args("a X \"12\"").number()).hasMessage("Number expected");
    }

    @Test
    void astringAtomMustNotHoldWildcards() {
        assertThatThrownBy(() -> Commands.args("a X foo*").astring()).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> Commands.args("a X (a)").astring()).hasMessage("String expected");
    }

    @Test
    void endAndAccept() throws Exception {
        Args a = Commands.args("a X return (x)");
        assertThat(a.accept("RETURN")).isTrue();
        assertThat(a.accept("RETURN")).isFalse();
        assertThatThrownBy(a::end).hasMessage("Too many arguments");
        assertThat(a.list().keyword()).isEqualTo("X");
        a.end();
    }
}
