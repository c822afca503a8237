/** Users, tokens and claims with the rules that govern them; plain Java with no framework. */
package io.jwtauth.domain;
