package io.jwtauth.domain.fake;

import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.port.SecurityEvents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the reported events, for tests to read. */
public final class RecordingSecurityEvents implements SecurityEvents {

    public record Reuse(UserId user, FamilyId family, int revokedTokens) {
    }

    private final List<Reuse> reuses = new CopyOnWriteArrayList<>();

    @Override
    public void refreshTokenReused(UserId user, FamilyId family, int revokedTokens) {
        reuses.add(new Reuse(user, family, revokedTokens));
    }

    public List<Reuse> reuses() {
        return List.copyOf(reuses);
    }
}
