package io.jwtauth.bootstrap;

import io.jwtauth.application.FlushExpiredTokens;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tokens flush-expired}, like simplejwt's {@code flushexpiredtokens}. */
@Command(name = "tokens", mixinStandardHelpOptions = true, description = "Maintain refresh-token records.")
final class TokensCommand {

    private final Provider<FlushExpiredTokens> flushExpiredTokens;

    @Spec
    CommandSpec spec;

    @Inject
    TokensCommand(Provider<FlushExpiredTokens> flushExpiredTokens) {
        this.flushExpiredTokens = flushExpiredTokens;
    }

    @Command(name = "flush-expired", mixinStandardHelpOptions = true,
            description = "Delete the records of refresh tokens that have expired.")
    int flushExpired() {
        long deleted = flushExpiredTokens.get().handle();
        spec.commandLine().getOut().printf("Deleted %d expired token record%s.%n", deleted, deleted == 1 ? "" : "s");
        return 0;
    }
}
