package org.zcp.store.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashTest {
    /*
     * Known answers, computed outside this code (Python's hashlib.pbkdf2_hmac, dkLen 32): a change
     * of the PRF, the iteration count, the salt or hash encoding (Base64 without padding) or the
     * password's bytes (UTF-8) makes every stored password of every installation stop verifying,
     * and must fail here rather than only in production.
     */
    /** Salt 00 01 .. 0f, password with non-ASCII letters, the 120,000 iterations hash() uses. */
    static final String KNOWN = "pbkdf2-sha256$120000$AAECAwQFBgcICQoLDA0ODw$tBy+HN/GV9oDUAddFALqmhMYGbLO5HfqRS4pFzeRgRY";
    static final String KNOWN_PASSWORD = "s3cret P\u00e4ssw\u00f6rd";

    @Test
    void aHashOfAFixedSaltIsTheKnownAnswer() {
        byte[] salt = new byte[16];
        for (int i = 0; i < salt.length; i++) salt[i] = (byte) i;

        assertThat(PasswordHash.hash(KNOWN_PASSWORD, salt)).isEqualTo(KNOWN);
    }

    @Test
    void theKnownAnswerVerifies() {
        assertThat(PasswordHash.verify(KNOWN_PASSWORD, KNOWN)).isTrue();
        assertThat(PasswordHash.verify("s3cret Passwort", KNOWN)).isFalse();
    }

    /**
     * RFC 7914 section 11, PBKDF2-HMAC-SHA256 (P="passwd", S="salt", c=1) and (P="Password",
     * S="NaCl", c=80000): the first 32 bytes of the published 64-byte outputs, in the stored form.
     * Hashes stored with another iteration count (an older default) still verify.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "passwd pbkdf2-sha256$1$c2FsdA$VawEblbjCJ/sFpHCJUS2BflBhSFt3gRl5oudV8INrLw",
            "Password pbkdf2-sha256$80000$TmFDbA$TdzY9guYviGDDO5e8icB+WQaRBjQTAQUrv8Ih2s0q1Y"
    })
    void theRfc7914VectorsVerify(String vector) {
        String[] v = vector.split(" ");

        assertThat(PasswordHash.verify(v[0], v[1])).isTrue();
        assertThat(PasswordHash.verify(v[0] + "x", v[1])).isFalse();
    }

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
