package org.zcp.store.admin;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zcp.store.StoreException;

/** Review finding 24: names reach event scripts and logs, so shell and log syntax is refused. */
class NameValidationTest {
    @ParameterizedTest
    @ValueSource(strings = {"a$(id>/tmp/pwned)", "a`id`", "a;b", "a|b", "a&b", "a<b", "a'b", "a\"b", "a b", "a\nb",
        "a\u0000", "a*", "../x", "a\\b"})
    void namesWithShellOrLogSyntaxAreRefused(String name) {
        assertThatThrownBy(() -> UserAdmin.validateName(name, "user")).isInstanceOf(StoreException.class)
                .hasMessageContaining("invalid character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"john", "john.doe", "j_doe-2", "john@example.com", "jörg", "a+b=c"})
    void ordinaryNamesAreAccepted(String name) {
        assertThatCode(() -> UserAdmin.validateName(name, "user")).doesNotThrowAnyException();
    }
}
