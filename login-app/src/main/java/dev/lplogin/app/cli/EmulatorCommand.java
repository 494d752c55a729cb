package dev.lplogin.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code lp-login emulator}: runs the local Login Service emulator (pending the emulator branch). */
@Command(name = "emulator", mixinStandardHelpOptions = true, description = "Run the emulator.")
final class EmulatorCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliException(ExitCode.FAILURE, "the emulator is not wired in yet", null);
    }
}
