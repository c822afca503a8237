/** JMH benchmarks of the work one request does, without HTTP: run with {@code java -jar benchmarks/target/benchmarks.jar}. */
package io.jwtauth.benchmarks;
