/**
 * Password hashing behind the {@code PasswordHasher} port: Argon2id for every new hash, Django's schemes read so that
 * imported users can log in (and are moved to Argon2id), all behind a thread-pool bulkhead that caps CPU and memory.
 */
package io.jwtauth.adapter.password;
