package io.jwtauth.adapter.password;

import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.port.PasswordHasher;

/**
 * Argon2id for every new hash, and Django's schemes for the hashes users brought along: a Django hash is checked
 * as Django would check it and always counts as outdated, so the first successful login replaces it with Argon2id.
 */
public final class MigratingPasswordHasher implements PasswordHasher {

    private final Argon2PasswordHasher current;
    private final DjangoPasswordHashes django;

    public MigratingPasswordHasher(Argon2PasswordHasher current, DjangoPasswordHashes django) {
        this.current = current;
        this.django = django;
    }

    @Override
    public PasswordHash hash(PlainPassword password) {
        return current.hash(password);
    }

    @Override
    public boolean matches(PlainPassword password, PasswordHash hash) {
        return current.recognizes(hash) ? current.matches(password, hash) : django.matches(password, hash.encoded());
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return !current.recognizes(hash) || current.needsRehash(hash);
    }

    @Override
    public boolean recognizes(PasswordHash hash) {
        return current.recognizes(hash) || django.recognizes(hash.encoded());
    }
}
