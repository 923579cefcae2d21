package org.zcp.store.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashTest {

    @Test
    void hashOfAPasswordVerifiesWithThatPassword() {
        String stored = PasswordHash.hash("s3cret Passw0rd");

        assertThat(stored).startsWith("pbkdf2-sha256$120000$");
        assertThat(stored.split("\\$")).hasSize(4);
        assertThat(PasswordHash.verify("s3cret Passw0rd", stored)).isTrue();
    }

    @Test
    void wrongPasswordDoesNotVerify() {
        String stored = PasswordHash.hash("right");

        assertThat(PasswordHash.verify("wrong", stored)).isFalse();
        assertThat(PasswordHash.verify("Right", stored)).isFalse();
        assertThat(PasswordHash.verify("", stored)).isFalse();
    }

    @Test
    void aRememberedCheckStillRefusesAnotherPasswordAndAChangedHash() {
        String stored = PasswordHash.hash("remembered");
        assertThat(PasswordHash.verify("remembered", stored)).isTrue();

        assertThat(PasswordHash.verify("remembered", stored)).isTrue();
        assertThat(PasswordHash.verify("Remembered", stored)).isFalse();
        assertThat(PasswordHash.verify("remembered", PasswordHash.hash("changed"))).isFalse();
        // a different stored hash of the same password is checked on its own
        assertThat(PasswordHash.verify("remembered", PasswordHash.hash("remembered"))).isTrue();
    }

    @Test
    void twoHashesOfTheSamePasswordDifferBecauseOfTheSalt() {
        String first = PasswordHash.hash("same");
        String second = PasswordHash.hash("same");

        assertThat(first).isNotEqualTo(second);
        assertThat(first.split("\\$")[2]).isNotEqualTo(second.split("\\$")[2]);
        assertThat(PasswordHash.verify("same", first)).isTrue();
        assertThat(PasswordHash.verify("same", second)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "plaintext",
            "pbkdf2-sha256",
            "pbkdf2-sha256$1000$c2FsdA",
            "pbkdf2-sha256$1000$c2FsdA$aGFzaA$extra",
            "md5$1000$c2FsdA$aGFzaA",
            "pbkdf2-sha256$notanumber$c2FsdA$aGFzaA",
            "pbkdf2-sha256$0$c2FsdA$aGFzaA",
            "pbkdf2-sha256$-5$c2FsdA$aGFzaA",
            "pbkdf2-sha256$1000$not*base64$aGFzaA",
            "pbkdf2-sha256$1000$c2FsdA$not*base64",
            "pbkdf2-sha256$1000$$aGFzaA",
            "pbkdf2-sha256$1000$c2FsdA$",
            "$$$"
    })
    void malformedStoredStringIsFalseNotAnException(String stored) {
        assertThat(PasswordHash.verify("password", stored)).isFalse();
    }

    @Test
    void nullPasswordOrNullStoredHashIsFalse() {
        String stored = PasswordHash.hash("x");

        assertThat(PasswordHash.verify(null, stored)).isFalse();
        assertThat(PasswordHash.verify("x", null)).isFalse();
        assertThat(PasswordHash.verify(null, null)).isFalse();
    }
}
