package io.jwtauth.bootstrap;

import io.jwtauth.adapter.crypto.GeneratedKeyPair;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keys generate}: a new key pair for RS, PS or ES signing, the first step of a key rotation. The private key
 * goes to a new owner-only file; only the public JWK is printed. Key generation has no business rule, so this
 * command calls the crypto adapter directly, and it runs without the service's configuration or database (see
 * {@link OperatorCommands#run}).
 */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Make key pairs for RS, PS and ES token signing.")
final class KeysCommand {

    @Spec
    CommandSpec spec;

    @Command(name = "generate", mixinStandardHelpOptions = true, description = "Write a new private key as PEM to FILE,"
            + " readable by its owner only, and print its public key as a JWK (what /.well-known/jwks.json publishes once"
            + " auth.signing-key names FILE). The private key is never printed.")
    int generate(
            @Option(names = "--algorithm", required = true, paramLabel = "ALG",
                    description = "RS256, RS384, RS512, PS256 (RSA 2048), ES256 (P-256), ES384 (P-384) or ES512 (P-521)")
            String algorithm,
            @Option(names = "--out", required = true, paramLabel = "FILE",
                    description = "the private key file to create; an existing file is never overwritten")
            Path out,
            @Option(names = "--key-id", paramLabel = "KID",
                    description = "the kid to publish (then set auth.key-id to it too); by default the key's RFC 7638"
                            + " thumbprint, which the service also uses when auth.key-id is not set")
            String keyId) throws IOException {
        GeneratedKeyPair pair = GeneratedKeyPair.generate(algorithm, Optional.ofNullable(keyId));
        try {
            pair.writePrivateKey(out);
        } catch (FileAlreadyExistsException e) {
            // Without the cause: the operator's message names the file, not the temporary one beside it.
            throw new IllegalArgumentException(out + " exists already; a key file is never overwritten");
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("the folder for " + out + " does not exist");
        }
        spec.commandLine().getOut().println(pair.publicJwk());
        return 0;
    }
}
