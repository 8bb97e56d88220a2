/**
 * Gyeol inside a shop's own test suite. Annotate a test class with {@link GyeolTest}: one
 * gateway runs for the whole test JVM (the gateway's jar as a child process, on its own
 * embedded PostgreSQL in a temporary folder), and each test gets a fresh test-mode
 * partner and a {@link Gyeol} handle with its credentials, a
 * {@link kr.gyeol.client.GyeolClient} for it, the host values a shop configures, and its
 * webhook {@link Inbox}.
 */
package kr.gyeol.junit;
