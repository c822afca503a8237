/** The use cases: one final class each, orchestrating the domain through its ports; no framework. */
package io.jwtauth.application;
