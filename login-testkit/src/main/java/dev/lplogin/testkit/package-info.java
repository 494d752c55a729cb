/**
 * Reusable tests for adapter authors: abstract contract tests per port ({@code TokenStoreContract},
 * {@code AuthGatewayContract}, {@code DomainLookupContract}), a JUnit 5 extension that runs the emulator, and
 * {@code ConcurrentCallsScenario}, the killed-session-under-load scenario that every way of calling LivePerson APIs
 * with the bearer must pass.
 */
package dev.lplogin.testkit;
