/**
 * Reusable tests for adapter authors: abstract contract tests per port ({@code TokenStoreContract},
 * {@code AuthGatewayContract}, {@code DomainLookupContract}) and a JUnit 5 extension that runs the emulator.
 */
package dev.lplogin.testkit;
