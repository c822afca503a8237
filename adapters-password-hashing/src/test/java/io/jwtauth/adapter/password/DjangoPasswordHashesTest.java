package io.jwtauth.adapter.password;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.PlainPassword;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hashes made by a real Django 3.2.25 (Debian's python3-django, with python3-argon2 and python3-bcrypt) through
 * {@code make_password(password, hasher=…)}; the same run produced bootstrap's import fixture.
 */
class DjangoPasswordHashesTest {

    private final DjangoPasswordHashes django = new DjangoPasswordHashes();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "alice-pbkdf2-pass | pbkdf2_sha256$260000$8ZY6QJm3baUYTpvhO0n6Bw$sJlEZ0r0CqHIh55986LiWA6kpd0CHKrcPCsNkYGLQH4=",
            "zoë-pässwörd      | pbkdf2_sha256$260000$Ln4QOHIs89dtHEBGiwwAmn$jIeJfxOqtoxgwAeLMy5bAvJjITfjMnkWkesgSlhQ4OE=",
            "pässwörd-ünïcödé  | pbkdf2_sha256$260000$FgfcaG3FKt2BZDfiyzH9Gn$gnW8VQx1po3ob1UDz/Lnd4k44aYVZEj+g1I6NrqViHk=",
            "sha1-pass         | pbkdf2_sha1$260000$ZxrYUbDeUzewPXk26KwvXD$cwSY0k0T+XE0h578KW3kIuNW3KA=",
            "argon-pass        | argon2$argon2id$v=19$m=102400,t=2,p=8$cWpXNlQ1UUNndWw2bGlrOXZBMlFwTw$bV1NKsDQXAizbcFCMmt5eg",
            "bcrypt-pass       | bcrypt_sha256$$2b$12$XEN1mDOmSCLD/Rt2pxqoSu9tnSQP2Uu5NJj9hMMevub0Qfn.U6ikS",
            "plain-bcrypt-pass | bcrypt$$2b$12$3BSnvov/LWne50zQ18CJy.Uz8qllTw3wFmsEh1tXcDC5ws1uQc9Qi"})
    void checksThePasswordsDjangoHashed(String password, String hash) {
        assertThat(django.recognizes(hash)).isTrue();
        assertThat(django.matches(new PlainPassword(password), hash)).isTrue();
        assertThat(django.matches(new PlainPassword(password + "x"), hash)).isFalse();
        assertThat(django.matches(new PlainPassword(password.toUpperCase()), hash)).isFalse();
    }

    @Test
    void plainBcryptLooksAtTheFirst72BytesOnlyAsDjangoDoes() {
        String hashOfHundredXs = "bcrypt$$2b$12$8RyREANg2yEl82TDmXFo9uBdsl68.I7yBFDtALMh4upUHTdnu9DwW";
        assertThat(django.matches(new PlainPassword("x".repeat(100)), hashOfHundredXs)).isTrue();
        assertThat(django.matches(new PlainPassword("x".repeat(72)), hashOfHundredXs)).isTrue();
        assertThat(django.matches(new PlainPassword("x".repeat(71)), hashOfHundredXs)).isFalse();
    }

    @Test
    void anUnusablePasswordIsRecognizedButNeverMatches() {
        String unusable = "!1ly6LzNyFyWLWvCwIMSg4bqtEHxLyz2yYTmLvBcx";
        assertThat(django.recognizes(unusable)).isTrue();
        assertThat(django.matches(new PlainPassword(unusable), unusable)).isFalse();
        assertThat(django.matches(new PlainPassword(unusable.substring(1)), unusable)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "md5$8FpziTyGTPjeFuADYrd6PE$38bd3bcdc54cde6153efbbdfe72874c7",
            "sha1$salt$0123456789abcdef0123456789abcdef01234567",
            "unsalted_md5$5f4dcc3b5aa765d61d8327deb882cf99",
            "crypt$$abN0gCrwMW7uM",
            "scrypt$16384$salt$8$1$aGFzaA==",
            "pbkdf2_sha512$260000$salt$aGFzaA==",
            "pbkdf2_sha256$0$salt$aGFzaA==",
            "pbkdf2_sha256$99999999$salt$aGFzaA==",
            "pbkdf2_sha256$260000$salt",
            "bcrypt$$2b$12$short",
            "argon2$argon2id$garbage",
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaA",
            "plain text"})
    void refusesWhatItCannotReadWithoutThrowing(String hash) {
        assertThat(django.recognizes(hash)).isFalse();
        assertThat(django.matches(new PlainPassword("md5-pass"), hash)).isFalse();
    }

    @Test
    void aRecognizedHashWhosePartsDoNotDecodeJustFailsToMatch() {
        String badBase64Salt = "argon2$argon2id$v=19$m=512,t=2,p=1$c29tZXNhbHQ$a";
        assertThat(django.matches(new PlainPassword("anything"), badBase64Salt)).isFalse();
    }

    @Test
    void theMigratingHasherUpgradesEveryDjangoHashAndMakesArgon2id() {
        MigratingPasswordHasher hasher = new MigratingPasswordHasher(new Argon2PasswordHasher(8_192, 1, 1, 1), django);
        PasswordHash pbkdf2 = new PasswordHash(
                "pbkdf2_sha256$260000$8ZY6QJm3baUYTpvhO0n6Bw$sJlEZ0r0CqHIh55986LiWA6kpd0CHKrcPCsNkYGLQH4=");
        PasswordHash fresh = hasher.hash(new PlainPassword("alice-pbkdf2-pass"));

        assertThat(hasher.matches(new PlainPassword("alice-pbkdf2-pass"), pbkdf2)).isTrue();
        assertThat(hasher.needsRehash(pbkdf2)).isTrue();
        assertThat(fresh.encoded()).startsWith("$argon2id$v=19$m=8192,t=1,p=1$");
        assertThat(hasher.matches(new PlainPassword("alice-pbkdf2-pass"), fresh)).isTrue();
        assertThat(hasher.needsRehash(fresh)).isFalse();
        assertThat(hasher.recognizes(pbkdf2)).isTrue();
        assertThat(hasher.recognizes(fresh)).isTrue();
        assertThat(hasher.recognizes(new PasswordHash("md5$salt$38bd3bcdc54cde6153efbbdfe72874c7"))).isFalse();
        assertThat(hasher.needsRehash(new Argon2PasswordHasher(8_192, 1, 1, 1).hash(new PlainPassword("x")))).isFalse();
        assertThat(new MigratingPasswordHasher(new Argon2PasswordHasher(), django)
                .needsRehash(fresh)).as("weaker Argon2 parameters").isTrue();
    }
}
