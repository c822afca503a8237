package io.jwtauth.adapter.crypto;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HS signing secret that the embedded default makes for itself when the operator configured none. It is
 * generated once, kept in the data folder readable by its owner only, and reused on every later start, so
 * that tokens outlive a restart. Losing the file signs every user out; nothing else depends on it.
 */
public final class GeneratedSecretFile {

    static final String FILE_NAME = "signing-key";

    private static final Logger LOG = LoggerFactory.getLogger(GeneratedSecretFile.class);
    private static final int SECRET_BYTES = 64;
    private static final Pattern SECRET_SHAPE = Pattern.compile("[A-Za-z0-9_-]{86}");

    private final Path file;
    private final SecureRandom random = new SecureRandom();

    public GeneratedSecretFile(Path dataFolder) {
        this.file = Objects.requireNonNull(dataFolder, "dataFolder").resolve(FILE_NAME);
    }

    /**
     * The stored secret as text (64 random bytes in unpadded base64url, 86 characters), generated and stored
     * first if there is none yet. Of several processes starting at once, all end up with the same secret.
     *
     * @throws IllegalStateException if the file cannot be read or written, or does not hold a secret
     */
    public String readOrCreate() {
        return OwnerOnlyFile.readOrCreate(file, this::newSecret, this::parse, () -> LOG.info(
                "Generated a random token signing key and stored it in {}; configure auth.signing-key to use your own",
                file));
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String parse(String text) {
        String secret = text.strip();
        if (!SECRET_SHAPE.matcher(secret).matches()) {
            throw new IllegalStateException("the generated signing key " + file + " is corrupt; delete it to generate"
                    + " a new one (this signs every user out) or configure auth.signing-key");
        }
        return secret;
    }
}
