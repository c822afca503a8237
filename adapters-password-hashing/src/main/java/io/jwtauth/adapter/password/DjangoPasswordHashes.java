package io.jwtauth.adapter.password;

import io.jwtauth.domain.PlainPassword;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Checks passwords against the hashes Django stores in {@code auth_user.password}, so that users brought over from
 * Django keep their passwords until their first login replaces the hash. Read: {@code pbkdf2_sha256} (Django's
 * default), {@code pbkdf2_sha1}, {@code argon2}, {@code bcrypt_sha256} and {@code bcrypt}, plus the {@code !} marker
 * of an unusable password, which never matches. Not read: {@code scrypt}, {@code md5}, {@code sha1},
 * {@code unsalted_md5}, {@code unsalted_sha1} and {@code crypt}, which are weak, rare, or both.
 *
 * <p>The work is the JDK's PBKDF2 and Spring Security's Argon2 and bcrypt; this class only takes Django's text
 * forms apart.
 */
public final class DjangoPasswordHashes {

    /**
     * Django's own iteration counts stay far below this; a larger one would let a single record tie up a core for
     * minutes.
     */
    private static final int MAX_PBKDF2_ITERATIONS = 10_000_000;
    private static final Pattern PBKDF2 = Pattern.compile("pbkdf2_(sha256|sha1)\\$(\\d{1,8})\\$([^$]+)\\$([A-Za-z0-9+/]+={0,2})");
    private static final String ARGON2 = "argon2";
    private static final String BCRYPT_SHA256 = "bcrypt_sha256$";
    private static final String BCRYPT = "bcrypt$";
    private static final Pattern BCRYPT_FORM = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    private static final String UNUSABLE = "!";

    // Both encoders read their parameters from the hash; the constructor arguments only matter for encoding.
    private final Argon2PasswordEncoder argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

    /** Whether {@code encoded} is one of the forms this class reads, or the marker of an unusable password. */
    public boolean recognizes(String encoded) {
        return encoded.startsWith(UNUSABLE) || pbkdf2(encoded).isPresent()
                || encoded.startsWith(ARGON2) && Argon2PasswordHasher.isPhcForm(encoded.substring(ARGON2.length()))
                || encoded.startsWith(BCRYPT_SHA256) && BCRYPT_FORM.matcher(encoded.substring(BCRYPT_SHA256.length())).matches()
                || encoded.startsWith(BCRYPT) && BCRYPT_FORM.matcher(encoded.substring(BCRYPT.length())).matches();
    }

    /** False for anything this class does not recognize, and always for an unusable password. */
    public boolean matches(PlainPassword password, String encoded) {
        if (!recognizes(encoded) || encoded.startsWith(UNUSABLE)) {
            return false;
        }
        try {
            Optional<Matcher> pbkdf2 = pbkdf2(encoded);
            if (pbkdf2.isPresent()) {
                return pbkdf2Matches(password, pbkdf2.get());
            }
            if (encoded.startsWith(ARGON2)) {
                return argon2.matches(password.value(), encoded.substring(ARGON2.length()));
            }
            if (encoded.startsWith(BCRYPT_SHA256)) {
                // Django hashes the password with SHA-256 first, so that bcrypt's 72-byte limit cuts nothing off.
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.value().getBytes(StandardCharsets.UTF_8));
                return bcrypt.matches(HexFormat.of().formatHex(digest), encoded.substring(BCRYPT_SHA256.length()));
            }
            return bcrypt.matches(password.value(), encoded.substring(BCRYPT.length()));
        } catch (GeneralSecurityException | RuntimeException unreadable) {
            // A hash that looked right but whose parts do not decode, or a password bcrypt will not take.
            return false;
        }
    }

    private static Optional<Matcher> pbkdf2(String encoded) {
        Matcher matcher = PBKDF2.matcher(encoded);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int iterations = Integer.parseInt(matcher.group(2));
        return iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS ? Optional.empty() : Optional.of(matcher);
    }

    private static boolean pbkdf2Matches(PlainPassword password, Matcher hash) throws GeneralSecurityException {
        String algorithm = hash.group(1).equals("sha256") ? "PBKDF2WithHmacSHA256" : "PBKDF2WithHmacSHA1";
        byte[] expected = Base64.getDecoder().decode(hash.group(4));
        // Django derives as many bytes as the digest has and keeps them all; the JDK turns the chars into UTF-8.
        PBEKeySpec spec = new PBEKeySpec(password.value().toCharArray(), hash.group(3).getBytes(StandardCharsets.UTF_8),
                Integer.parseInt(hash.group(2)), expected.length * 8);
        try {
            byte[] actual = SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
            return MessageDigest.isEqual(expected, actual);
        } finally {
            spec.clearPassword();
        }
    }
}
