/**
 * A worked example for adapter authors: a small custom {@code TokenStore} and the three-line test that holds it to
 * {@code TokenStoreContract}. Read it as a template, not as a store to use (it keeps sessions in memory only).
 */
package dev.lplogin.testkit.example;
