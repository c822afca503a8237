/**
 * Cryptography behind the ports: JOSE tokens with Nimbus, signed with a shared secret or a key pair whose public keys
 * are published as a JWKS; Argon2id password hashes; unguessable ids.
 */
package io.jwtauth.adapter.crypto;
