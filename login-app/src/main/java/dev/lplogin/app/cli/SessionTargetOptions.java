package dev.lplogin.app.cli;

import picocli.CommandLine.Option;

/** The {@code --account} / {@code --user} pair of the commands that act on one stored session (a picocli mixin). */
final class SessionTargetOptions {

    @Option(names = "--account", paramLabel = "ID", description = "Account id (env LP_ACCOUNT).")
    String account;

    @Option(names = "--user", paramLabel = "NAME", description = "Login name (env LP_USERNAME).")
    String user;
}
