/**
 * Domain services: the rules that issue and verify tokens, throttle password guessing and guard an issue against a
 * concurrent credentials change, working through the ports.
 */
package io.jwtauth.domain.service;
