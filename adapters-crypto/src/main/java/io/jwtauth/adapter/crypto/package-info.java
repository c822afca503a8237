/**
 * JOSE behind the ports: tokens parsed, their signatures verified and their claims validated, signed with a shared
 * secret or a key ring whose public keys are published as a JWK Set; unguessable ids. Password hashing is not here
 * but in {@code io.jwtauth.adapter.password}.
 */
package io.jwtauth.adapter.crypto;
