/**
 * Driven adapters for {@code TokenStore}: {@code InMemoryTokenStore} and {@code FileTokenStore}, the crash-safe,
 * cross-process default.
 */
package dev.lplogin.adapter.storage;
