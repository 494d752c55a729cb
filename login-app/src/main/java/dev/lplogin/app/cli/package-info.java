/**
 * The driving adapter: the {@code lp-login} command line (picocli). Turns flags, environment and stdin into use case
 * calls and their results into output and exit codes.
 */
package dev.lplogin.app.cli;
