/** Domain services: the rules that issue and verify tokens, working through the ports. */
package io.jwtauth.domain.service;
