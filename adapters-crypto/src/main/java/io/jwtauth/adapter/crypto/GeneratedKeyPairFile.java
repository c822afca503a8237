package io.jwtauth.adapter.crypto;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key pair that the embedded default makes for itself when an RS, PS or ES algorithm is configured without a
 * key: generated once (RSA 2048 for RS and PS, the algorithm's curve for ES), kept in the data folder as PEM readable
 * by its owner only, and reused on every later start, so that tokens and the published kid outlive a restart.
 * Each algorithm has its own file, so that one key never serves two algorithms.
 */
final class GeneratedKeyPairFile {

    private static final Logger LOG = LoggerFactory.getLogger(GeneratedKeyPairFile.class);

    private final Path file;
    private final JWSAlgorithm algorithm;

    GeneratedKeyPairFile(Path dataFolder, JWSAlgorithm algorithm) {
        Objects.requireNonNull(dataFolder, "dataFolder");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.file = dataFolder.resolve(fileName(algorithm));
    }

    /** {@code signing-key-es256.pem} for ES256, and so on. */
    static String fileName(JWSAlgorithm algorithm) {
        return "signing-key-" + algorithm.getName().toLowerCase(Locale.ROOT) + ".pem";
    }

    /**
     * The stored key pair, generated and stored first if there is none yet. Of several processes starting at once,
     * all end up with the same key.
     *
     * @throws IllegalStateException if the file cannot be read or written, or does not hold a fitting key pair
     */
    JWK readOrCreate() {
        return OwnerOnlyFile.readOrCreate(file, () -> PemKeys.write(KeyPairAlgorithms.generate(algorithm)), this::parse,
                () -> LOG.info("Generated a {} token signing key pair and stored it in {}; configure auth.signing-key to"
                        + " use your own", algorithm.getName(), file));
    }

    private JWK parse(String pem) {
        try {
            JWK key = PemKeys.readPrivate(pem, file.toString());
            KeyPairAlgorithms.requireFits(algorithm, key, file.toString());
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the generated signing key " + file + " is corrupt or not a " + algorithm.getName()
                    + " key; delete it to generate a new one (this signs every user out) or configure auth.signing-key");
        }
    }
}
