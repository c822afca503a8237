package io.jwtauth.adapter.rest;

import io.jwtauth.domain.UserId;

/**
 * The in-memory user store of the fixture never waits, so whether its users count as cached is the test's choice: by
 * default they do (the owner's check runs on the event loop); switched off, every check goes to the blocking pool.
 */
final class SwitchableUserCache implements UserCache {

    private volatile boolean holdsEveryone = true;

    @Override
    public boolean holds(UserId id) {
        return holdsEveryone;
    }

    void holdEveryone(boolean holds) {
        holdsEveryone = holds;
    }
}
