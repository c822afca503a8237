package io.jwtauth.adapter.rest;

import io.jwtauth.domain.UserId;

/**
 * Whether the user store will answer a lookup of this user from memory, without waiting on a database. The
 * authentication fetcher asks it to choose the thread of the owner's check: the event loop when the answer is at hand,
 * the blocking pool otherwise. Bootstrap answers it from the persistence adapter's cache; it is a question of this
 * adapter, not a port of the core, because only a transport with an event loop cares which thread may wait.
 */
@FunctionalInterface
public interface UserCache {

    boolean holds(UserId id);
}
