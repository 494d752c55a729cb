/**
 * The command line's configuration: flags, environment and config file resolved into the settings the composition
 * root builds the adapters from. Not exported: this is how {@code lp-login} reads its input, not an API. Defaults
 * and validation come from the adapters; this package only says where a value came from.
 */
package dev.lplogin.app.config;
