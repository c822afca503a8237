/** Cryptography behind the ports: JOSE tokens with Nimbus, Argon2id password hashes, unguessable ids. */
package io.jwtauth.adapter.crypto;
