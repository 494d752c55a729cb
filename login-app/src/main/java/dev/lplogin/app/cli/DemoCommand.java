package dev.lplogin.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code lp-login demo}: the whole lifecycle against the embedded emulator (pending the emulator branch). */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Walk through the whole lifecycle.")
final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliException(ExitCode.FAILURE, "the demo is not wired in yet", null);
    }
}
