package org.zcp.store.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Vectors were produced on Debian with slappasswd (OpenLDAP 2.5, pw-sha2 module), openssl passwd, mkpasswd
 * (package whois, libxcrypt), perl's crypt() (libxcrypt) and python3 hashlib; each names its command.
 */
class StoredPasswordTest {

    /** RFC 2307 userPassword values; the password is "secret" unless stated. */
    static Stream<Arguments> ldapVectors() {
        return Stream.of(
            // slappasswd -h {SSHA} -s secret
            Arguments.of("secret", "{SSHA}QwjeGT+uhICpECqzoUagJNpfBzQzB61F"),
            // python3: '{SSHA}'+b64encode(sha1(b'secret'+salt).digest()+salt), salt=bytes.fromhex('00112233445566778899aabbccddeeff')
            Arguments.of("secret", "{SSHA}fbGy355wOe6LjgolwRljOs7AYFUAESIzRFVmd4iZqrvM3e7/"),
            // slappasswd -h {SHA} -s secret
            Arguments.of("secret", "{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ="),
            // slappasswd -o module-load=pw-sha2 -h {SSHA256} -s secret
            Arguments.of("secret", "{SSHA256}4a/8eAG1PwR0mlZtEGC2djOR0flWJkEdOowU4Kwxf57dfUtFbDqo2A=="),
            // python3: '{SSHA256}'+b64encode(sha256(b'secret'+salt).digest()+salt), salt=bytes.fromhex('0102a3f4c5d6e7f8')
            Arguments.of("secret", "{SSHA256}gdxVBz1Ro9JVCMtJWmcGkY2fml3E4wuQhST9hUez8pUBAqP0xdbn+A=="),
            // slappasswd -o module-load=pw-sha2 -h {SHA256} -s secret
            Arguments.of("secret", "{SHA256}K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols="),
            // slappasswd -o module-load=pw-sha2 -h {SSHA384} -s secret
            Arguments.of("secret", "{SSHA384}T1zrpwAg0LF/IHyjRGZTd4X1baDOBWzpvnJPl6JMckXWWQoJfo88DL3/lq9YvMflMIX70oAIizU="),
            // python3: '{SSHA384}'+b64encode(sha384(b'secret'+salt).digest()+salt), salt=bytes.fromhex('0102a3f4c5d6e7f8')
            Arguments.of("secret", "{SSHA384}eT/FGk70vNxDLlbrhF728Kfynir/AEKRuzl0MR2UfVPZLQJYoGQvxeVdQ1sZJdacAQKj9MXW5/g="),
            // slappasswd -o module-load=pw-sha2 -h {SHA384} -s secret
            Arguments.of("secret", "{SHA384}WKd1ukESvjAFrkQHznV9iP2nHUBJe7gCbsrFTU4//HIyzo3jq1rLMK45dg/ufFPt"),
            // slappasswd -o module-load=pw-sha2 -h {SSHA512} -s secret
            Arguments.of("secret", "{SSHA512}DltYb5ma23gqZgTKdGDHJIunVLQ5O1/jEwJppGmUiJ1Pk+btCSERy8GP2hYlQXpGew3QEKqmROambDD/rIrn8X5trckY9/0r"),
            // python3: '{SSHA512}'+b64encode(sha512(b'secret'+salt).digest()+salt), salt=bytes.fromhex('0102a3f4c5d6e7f8')
            Arguments.of("secret", "{SSHA512}hMujF5zEGZx91aGEe0kenTZLtKO1ueWedNxCslbw2qUE7aAM8hS0Gt4ek/PPhtiCq21Wzk1VR8gKFnAoGsFNTAECo/TF1uf4"),
            // slappasswd -o module-load=pw-sha2 -h {SHA512} -s secret
            Arguments.of("secret", "{SHA512}vSsar3708Jvp9Szi2NWZZ02Bqp1qRCFpbcTZPdBhnWgs5WtNZKnvCXdhztmeD2cmW192CF5bDufKRpayrW/isg=="),
            // slappasswd -h {SMD5} -s secret
            Arguments.of("secret", "{SMD5}vEnkwcc9T8fNehQDvohfrAUs4GM="),
            // slappasswd -h {MD5} -s secret
            Arguments.of("secret", "{MD5}Xr4ilOzQ4PCOq3aQ0qbuaQ=="),
            // slappasswd -h {CRYPT} -c '$6$%.16s' -s secret
            Arguments.of("secret", "{CRYPT}$6$bhvtL4VWznhqtPtb$oPOanzTDjhC.V.NL7PBTncc6MEwHOnMrVQ4ZkKfZ1WY4Ig.u7/eIwtbyoRPDoWYahgCvuovZ0UsG2p6.1J0wV0"),
            // slappasswd -h {CRYPT} -c '$5$%.16s' -s secret
            Arguments.of("secret", "{CRYPT}$5$cqQyh/0b5SSh726L$jHH59QK7G9/tm8AFpRKYBL7Iuy4uQAQ3ivnTD.0we2D"),
            // slappasswd -h {CRYPT} -c '$1$%.8s' -s secret
            Arguments.of("secret", "{CRYPT}$1$EA/gi2SQ$yN92R4ZWnULW6rWNdzVtk0"),
            // mkpasswd -m des -S ab secret, with {CRYPT} prefixed
            Arguments.of("secret", "{CRYPT}abNANd1rDfiNc"),
            // mkpasswd -m bcrypt secret, with {CRYPT} prefixed
            Arguments.of("secret", "{CRYPT}$2b$05$d1HPHvlsoGbW.F8nZ9UaoOIC4MIvyDOe0nQECedo5Qk4LNomguI.2"),
            // clear text as OpenLDAP stores it when given no scheme
            Arguments.of("secret", "secret"),
            Arguments.of("secret", "{CLEARTEXT}secret"),
            Arguments.of("secret", "{PLAIN}secret"));
    }

    /** crypt(3) strings as in /etc/shadow. */
    static Stream<Arguments> cryptVectors() {
        String p80 = "p".repeat(80);
        return Stream.of(
            // openssl passwd -1 -salt saltsalt secret
            Arguments.of("secret", "$1$saltsalt$9xy1btjgzLYfb7hivXtC//"),
            // openssl passwd -1 -salt ab 'Hello world!'
            Arguments.of("Hello world!", "$1$ab$zRhLhQlF.oQpGoCIApPRg1"),
            // perl -e 'print crypt("secret","\$1\$\$")'   (empty salt)
            Arguments.of("secret", "$1$$ysVNzQc4CTMkp5daOdZ.3/"),
            // openssl passwd -1 -salt abcdefgh "$(printf 'p%.0s' {1..80})"
            Arguments.of(p80, "$1$abcdefgh$OSyo.QKwAvYrH.VSBnTtY1"),
            // openssl passwd -5 -salt saltsaltsaltsalt secret
            Arguments.of("secret", "$5$saltsaltsaltsalt$X0ra9qlY7TJaGBDgorLevriQfwysW8fXnbybcO4mF4/"),
            // perl -e 'print crypt("secret","\$5\$rounds=5000\$saltsaltsaltsalt")'   (explicit default rounds)
            Arguments.of("secret", "$5$rounds=5000$saltsaltsaltsalt$X0ra9qlY7TJaGBDgorLevriQfwysW8fXnbybcO4mF4/"),
            // openssl passwd -5 -salt toolongsaltstringX secret   (salt cut to 16)
            Arguments.of("secret", "$5$toolongsaltstrin$37tCxOq5xshRncIKBOJ8buhNCuZ0PBFBUwb3XaEPn08"),
            // mkpasswd -m sha-256 -R 1000 secret
            Arguments.of("secret", "$5$rounds=1000$mgP3ryT2FVwskfjl$iwr8hCWLv8nMMJp6.j/Fjzpl/mwnjIXjIh2aAwTKRs8"),
            // mkpasswd -m sha-256 -S abcdefgh "$(printf 'p%.0s' {1..80})"
            Arguments.of(p80, "$5$abcdefgh$ISumHH.kq6wSj/S0Ioum04JLayASszKudIW10JKmQ/B"),
            // openssl passwd -6 -salt saltsaltsaltsalt secret
            Arguments.of("secret", "$6$saltsaltsaltsalt$ph0yGsyjzqdeFaon7.gJZo8eAG5/rj9/JdzOu1Rl7dKzBYg3xgvl7T2VQ2Rt81bc5AXkdA54r0p8QvC1omD6R1"),
            // mkpasswd -m sha-512 -R 10000 secret
            Arguments.of("secret", "$6$rounds=10000$FrXojbqYLYBIHNj3$Eal0XOmvVcyGBNy69og2mxmD88v1wRYYUQVG5iv66kK7hTL/7132yeCbBpfB1G7LKY3tKO5zsN20ifauIQjQl0"),
            // mkpasswd -m sha-512 -R 500 secret   (libxcrypt raises rounds below the minimum to 1000)
            Arguments.of("secret", "$6$rounds=1000$5TDCc3NDIEF8DKo8$EibQRW9XPlPGvU9hN9BseZEiO72.dZ5KMUCtZNqbPteSGFUJYV9cmrnD4857yNXQOoU.Y80w77kY96Ly423ql/"),
            // perl -e 'print crypt("secret","\$6\$\$")'   (empty salt)
            Arguments.of("secret", "$6$$2M9DchxW4txWyTYoZrH9D3VvAAQxBpEezYsLY6Cao.jwzEXpyL9xwip9hiUZX7GqTqe/E/z6iKvZqXUuqniQH."),
            // mkpasswd -m sha-512 -S abcdefgh "$(printf 'p%.0s' {1..80})"
            Arguments.of(p80, "$6$abcdefgh$Qp4o2zAU6.8iDkb4URLdm7he/aEVfOTymnagkPmgtcPjKvdrOQOJnvv0R.xt/RL4I8bPdDxbhjl7b.HcgqWbO/"),
            // openssl passwd -6 -salt unisalt 'pässwörd'   (UTF-8 terminal)
            Arguments.of("pässwörd", "$6$unisalt$Jm.y1ZjemLrCYKkJ7PXrv1IkuBlYviwjitktP1vzR69O6xp3uvPgNdOS4z7zzVrvjHflveyobbb.e8kVR4vyC1"),
            // mkpasswd -m bcrypt secret
            Arguments.of("secret", "$2b$05$d1HPHvlsoGbW.F8nZ9UaoOIC4MIvyDOe0nQECedo5Qk4LNomguI.2"),
            // mkpasswd -m bcrypt -R 4 'correct horse'
            Arguments.of("correct horse", "$2b$05$5tB3Cdkya.c8b4upHQ90H.URC8GDjzH0hkZ1fo97COMFaX7/N8Vhe"),
            // mkpasswd -m bcrypt-a secret
            Arguments.of("secret", "$2a$05$h8q5dVbEEGZAeFIpW/KYROs/iUqQM8Cz.QCQBz8pzersGA0AppvhS"),
            // perl -e 'print crypt("secret","\$2a\$04\$......................")'
            Arguments.of("secret", "$2a$04$....................../dCAsp4PpJoDgv6BeaLP6BKrXlBV1oi"),
            // perl -e 'print crypt("secret","\$2y\$05\$d1HPHvlsoGbW.F8nZ9UaoO")'
            Arguments.of("secret", "$2y$05$d1HPHvlsoGbW.F8nZ9UaoOIC4MIvyDOe0nQECedo5Qk4LNomguI.2"),
            // mkpasswd -m bcrypt -S abcdefghijklmnopqrstuu 'pässwörd'
            Arguments.of("pässwörd", "$2b$05$abcdefghijklmnopqrstuuZVEMa1pjhlynBQ1qXmSvGBJpN9h1w8G"),
            // mkpasswd -m des -S ab secret
            Arguments.of("secret", "abNANd1rDfiNc"),
            // perl -e 'print crypt("secret","z9")'
            Arguments.of("secret", "z9jI68J1M0rcQ"),
            // mkpasswd -m des -S ./ x
            Arguments.of("x", "./7H4fGCYxIHQ"),
            // mkpasswd -m des -S ab 'pässwö'   (8 UTF-8 bytes, high bits dropped)
            Arguments.of("pässwö", "abzp3RXJm5gNA"),
            // mkpasswd -m des -S Zz longpass
            Arguments.of("longpass", "ZzIyHEjAFZRko"));
    }

    @ParameterizedTest
    @MethodSource("ldapVectors")
    void ldapValueMatchesItsPasswordOnly(String password, String stored) {
        assertThat(StoredPassword.supported(stored)).isTrue();
        assertThat(StoredPassword.matches(password, stored)).isTrue();
        assertThat(StoredPassword.matches(password + "x", stored)).isFalse();
        assertThat(StoredPassword.matches("Secret", stored)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("cryptVectors")
    void cryptStringMatchesItsPasswordOnly(String password, String crypt) {
        assertThat(StoredPassword.supported(crypt)).isTrue();
        assertThat(StoredPassword.matchesCrypt(password, crypt)).isTrue();
        assertThat(StoredPassword.matchesCrypt("wrong", crypt)).isFalse();
        assertThat(StoredPassword.matchesCrypt(password.substring(0, password.length() - 1), crypt)).isFalse();
        // the same string behind {CRYPT} in userPassword
        assertThat(StoredPassword.matches(password, "{CRYPT}" + crypt)).isTrue();
        assertThat(StoredPassword.matches("wrong", "{CRYPT}" + crypt)).isFalse();
    }

    @Test
    void desCryptUsesOnlyTheFirstEightCharacters() {
        // mkpasswd -m des -S Zz 'longpassword123' gives the same as for "longpass"
        assertThat(StoredPassword.matchesCrypt("longpassword123", "ZzIyHEjAFZRko")).isTrue();
        // mkpasswd -m des -S Zz longpasX
        assertThat(StoredPassword.matchesCrypt("longpass", "ZzELjneaKpybQ")).isFalse();
        assertThat(StoredPassword.matchesCrypt("longpasX", "ZzELjneaKpybQ")).isTrue();
        // perl -e 'print crypt("Secret","abNANd1rDfiNc")' (same salt, capital S)
        assertThat(StoredPassword.matchesCrypt("Secret", "abpEnvTeLyo0Q")).isTrue();
        assertThat(StoredPassword.matchesCrypt("Secret", "abNANd1rDfiNc")).isFalse();
    }

    @Test
    void bcryptUsesOnlyTheFirst72Bytes() {
        // mkpasswd -m bcrypt -S abcdefghijklmnopqrstuu "$(printf 'b%.0s' {1..72})" and the same with "xyz" appended
        // both print this value
        String stored = "$2b$05$abcdefghijklmnopqrstuuANo2D/0RygHrRNJnDB9bVrQ6P0Ljn/a";
        assertThat(StoredPassword.matchesCrypt("b".repeat(72), stored)).isTrue();
        assertThat(StoredPassword.matchesCrypt("b".repeat(72) + "xyz", stored)).isTrue();
        assertThat(StoredPassword.matchesCrypt("b".repeat(71), stored)).isFalse();
    }

    @Test
    void saltedSchemesNeedASaltAndPlainSchemesTheExactDigestLength() {
        // {SSHA512} value stripped of its salt is no longer valid (salt must be at least one byte)
        assertThat(StoredPassword.matches("secret",
                "{SSHA512}vSsar3708Jvp9Szi2NWZZ02Bqp1qRCFpbcTZPdBhnWgs5WtNZKnvCXdhztmeD2cmW192CF5bDufKRpayrW/isg==")).isFalse();
        // {SHA} of "secret" with a stray byte appended is refused rather than truncated
        assertThat(StoredPassword.matches("secret", "{SHA}5en6G6MezRroT3XKqkdPOmY/BfQA")).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nullOrEmptyPasswordNeverMatches(String password) {
        assertThat(StoredPassword.matches(password, "")).isFalse();
        assertThat(StoredPassword.matches(password, "{CLEARTEXT}")).isFalse();
        // slappasswd -h {SSHA} -s secret
        assertThat(StoredPassword.matches(password, "{SSHA}QwjeGT+uhICpECqzoUagJNpfBzQzB61F")).isFalse();
        assertThat(StoredPassword.matchesCrypt(password, "")).isFalse();
        // perl -e 'print crypt("","ab")'
        assertThat(StoredPassword.matchesCrypt(password, "abmF1QH4PEr.E")).isFalse();
        // perl -e 'print crypt("","\$1\$ab")'
        assertThat(StoredPassword.matchesCrypt(password, "$1$ab$rn6aQS/o7141mj179E/zA.")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // openssl passwd -6 -salt saltsaltsaltsalt secret, locked with passwd -l / usermod -L
        "!$6$saltsaltsaltsalt$ph0yGsyjzqdeFaon7.gJZo8eAG5/rj9/JdzOu1Rl7dKzBYg3xgvl7T2VQ2Rt81bc5AXkdA54r0p8QvC1omD6R1",
        // mkpasswd -m des -S ab secret, locked
        "!abNANd1rDfiNc",
        "*", "!", "!!", "!*", "*LK*"})
    void lockedShadowEntriesNeverMatch(String locked) {
        assertThat(StoredPassword.supported(locked)).isFalse();
        assertThat(StoredPassword.matchesCrypt("secret", locked)).isFalse();
        assertThat(StoredPassword.matches("secret", locked)).isFalse();
        assertThat(StoredPassword.matches("secret", "{CRYPT}" + locked)).isFalse();
        assertThat(StoredPassword.supported("{CRYPT}" + locked)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // slappasswd -o module-load=argon2 -h {ARGON2} -s secret
        "{ARGON2}$argon2i$v=19$m=4096,t=3,p=1$MvuhLiwcX1KGmZ9toWtqfQ$RJxgBPMIJSFhzTVEOcmoauV7KCOwfmIh9AoTrygqMo0",
        "{SASL}secret@EXAMPLE.COM",
        "{K5KEY}secret",
        // mkpasswd -m yescrypt secret
        "$y$j9T$xx6NWYp/oZMIGVApIp0fU.$lqiqwlu7PJzq6aaY8LCqT.xTZMJOEKFgAu1WKAx4c22",
        "{CRYPT}$y$j9T$xx6NWYp/oZMIGVApIp0fU.$lqiqwlu7PJzq6aaY8LCqT.xTZMJOEKFgAu1WKAx4c22",
        // mkpasswd -m scrypt secret
        "$7$CU..../....TVOTSiLB6rMhqWcUvOBq60$yAc5Cu2JQLvFhNNzY.9S0/Gd4aCGHExI.vU9DMSBma9",
        "{CRYPT}", "{CRYPT}secret"})
    void unsupportedSchemesNeverMatch(String stored) {
        assertThat(StoredPassword.supported(stored)).isFalse();
        assertThat(StoredPassword.matches("secret", stored)).isFalse();
        assertThat(StoredPassword.matchesCrypt("secret", stored)).isFalse();
    }

    @Test
    void emptyOrNullStoredValueIsUnsupported() {
        assertThat(StoredPassword.supported(null)).isFalse();
        assertThat(StoredPassword.supported("")).isFalse();
        assertThat(StoredPassword.matches("secret", null)).isFalse();
        assertThat(StoredPassword.matchesCrypt("secret", null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // slappasswd -h {SSHA} -s secret, scheme name in other cases
        "{ssha}QwjeGT+uhICpECqzoUagJNpfBzQzB61F", "{SsHa}QwjeGT+uhICpECqzoUagJNpfBzQzB61F",
        // slappasswd -h {SHA} -s secret
        "{sha}5en6G6MezRroT3XKqkdPOmY/BfQ=",
        // slappasswd -o module-load=pw-sha2 -h {SSHA256} -s secret
        "{ssha256}4a/8eAG1PwR0mlZtEGC2djOR0flWJkEdOowU4Kwxf57dfUtFbDqo2A==",
        // slappasswd -h {CRYPT} -c '$1$%.8s' -s secret
        "{crypt}$1$EA/gi2SQ$yN92R4ZWnULW6rWNdzVtk0", "{Crypt}$1$EA/gi2SQ$yN92R4ZWnULW6rWNdzVtk0",
        "{cleartext}secret", "{plain}secret"})
    void schemeNamesAreCaseInsensitive(String stored) {
        assertThat(StoredPassword.supported(stored)).isTrue();
        assertThat(StoredPassword.matches("secret", stored)).isTrue();
        assertThat(StoredPassword.matches("secreT", stored)).isFalse();
    }

    @Test
    void crypt3ValueWithoutSchemeIsCheckedAsCryptNotAsClearText() {
        // openssl passwd -6 -salt saltsaltsaltsalt secret
        String shadow = "$6$saltsaltsaltsalt$ph0yGsyjzqdeFaon7.gJZo8eAG5/rj9/JdzOu1Rl7dKzBYg3xgvl7T2VQ2Rt81bc5AXkdA54r0p8QvC1omD6R1";
        assertThat(StoredPassword.matches("secret", shadow)).isTrue();
        assertThat(StoredPassword.matches(shadow, shadow)).isFalse();
        // the hash text is not a password either behind {CRYPT}
        assertThat(StoredPassword.matches(shadow, "{CRYPT}" + shadow)).isFalse();
    }

    @Test
    void clearTextWithoutSchemeComparesWholeValue() {
        assertThat(StoredPassword.matches("secret", "secret")).isTrue();
        assertThat(StoredPassword.matches("secret", "secret ")).isFalse();
        assertThat(StoredPassword.matches("secre", "secret")).isFalse();
        assertThat(StoredPassword.matches("{CLEARTEXT}secret", "{CLEARTEXT}secret")).isFalse();
        // a brace that does not open a scheme name is part of the clear text
        assertThat(StoredPassword.matches("{not a scheme", "{not a scheme")).isTrue();
        assertThat(StoredPassword.supported("{not a scheme")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{SSHA}not*base64", "{SHA}", "{SSHA}", "{MD5}AAAA", "{SMD5}Xr4ilOzQ4PCOq3aQ0qbuaQ==",
        "$1$saltsalt", "$5$rounds=$saltsaltsaltsalt$X0ra9qlY7TJaGBDgorLevriQfwysW8fXnbybcO4mF4/",
        "$5$rounds=x5000$saltsaltsaltsalt$X0ra9qlY7TJaGBDgorLevriQfwysW8fXnbybcO4mF4/",
        "$2b$05$d1HPHvlsoGbW.F8nZ9UaoOIC4MIvyDOe0nQECedo5Qk4LNomguI",
        "$2b$03$d1HPHvlsoGbW.F8nZ9UaoOIC4MIvyDOe0nQECedo5Qk4LNomguI.2",
        "$2b$0x$d1HPHvlsoGbW.F8nZ9UaoOIC4MIvyDOe0nQECedo5Qk4LNomguI.2",
        "$2b$05$d1HPHvlsoGbW.F8nZ9UaoOIC4MIvyDOe0nQECedo5Qk4LNomguI*2", "abNANd1rDfiN_"})
    void malformedValuesDoNotMatchOrThrow(String stored) {
        assertThat(StoredPassword.matches("secret", stored)).isFalse();
        assertThat(StoredPassword.matchesCrypt("secret", stored)).isFalse();
    }

    @Test
    void passwordWithNulDoesNotMatchItsPrefixInCrypt() {
        // openssl passwd -1 -salt saltsalt secret
        assertThat(StoredPassword.matchesCrypt("secret\0junk", "$1$saltsalt$9xy1btjgzLYfb7hivXtC//")).isFalse();
        // mkpasswd -m bcrypt secret
        assertThat(StoredPassword.matchesCrypt("secret\0",
                "$2b$05$d1HPHvlsoGbW.F8nZ9UaoOIC4MIvyDOe0nQECedo5Qk4LNomguI.2")).isFalse();
    }
}
