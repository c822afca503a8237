/** In-memory fakes of the ports, shared with other modules' tests through the domain test-jar. */
package io.jwtauth.domain.fake;
