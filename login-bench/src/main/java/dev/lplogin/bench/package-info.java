/**
 * The benchmarks of {@code bin/bench}: the hot path beside google-auth-library and a volatile-read floor (JMH), a
 * thundering herd, thousands of sessions kept alive by one JVM, round trips and connections per step, and the CLI's
 * start-up against a hello-world JVM. Everything runs against the real HTTP adapters and the emulator; nothing here
 * is part of the app. Method and latest numbers: docs/performance.md.
 */
package dev.lplogin.bench;
