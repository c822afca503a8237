package io.jwtauth.adapter.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
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

    private final Path folder;
    private final Path file;
    private final SecureRandom random = new SecureRandom();

    public GeneratedSecretFile(Path dataFolder) {
        this.folder = Objects.requireNonNull(dataFolder, "dataFolder");
        this.file = dataFolder.resolve(FILE_NAME);
    }

    public Path path() {
        return file;
    }

    /**
     * The stored secret as text (64 random bytes in unpadded base64url, 86 characters), generated and stored
     * first if there is none yet. Of several processes starting at once, all end up with the same secret.
     *
     * @throws IllegalStateException if the file cannot be read or written, or does not hold a secret
     */
    public String readOrCreate() {
        if (Files.exists(file)) {
            return read();
        }
        try {
            Files.createDirectories(folder);
            return create();
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot store a generated signing key as " + file + " (" + e
                    + "); fix the data folder or configure auth.signing-key", e);
        }
    }

    /** Stores a new secret; if another process was first, its secret is used instead. */
    private String create() throws IOException {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            OwnerOnlyFile.createNew(file, secret);
        } catch (FileAlreadyExistsException e) {
            return read();
        }
        LOG.info("Generated a random token signing key and stored it in {}; configure auth.signing-key to use your own",
                file);
        return secret;
    }

    private String read() {
        String secret;
        try {
            secret = Files.readString(file, StandardCharsets.ISO_8859_1).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the generated signing key " + file + " (" + e
                    + "); fix its permissions or configure auth.signing-key", e);
        }
        if (!SECRET_SHAPE.matcher(secret).matches()) {
            throw new IllegalStateException("the generated signing key " + file + " is corrupt; delete it to generate"
                    + " a new one (this signs every user out) or configure auth.signing-key");
        }
        return secret;
    }
}
