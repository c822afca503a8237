/** The stores behind the ports, on JDBC with portable SQL that runs on H2 and PostgreSQL alike. */
package io.jwtauth.adapter.persistence;
