package dev.lplogin.app.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The {@code lp-login} entry point: parses the command line (with picocli; a plain {@code token} command by
 * {@link TokenFastPath}), runs the command, maps failures to exit codes.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        String training = System.getProperty(Training.PROPERTY);
        if (training != null) {
            // the launcher records its class-data cache from this run (bin/lp-login); users never set it
            System.exit(Training.run(java.nio.file.Path.of(training)));
        }
        Charset charset = Charset.forName(System.getProperty("stdout.encoding", Charset.defaultCharset().name()));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), charset));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), charset));
        int code = run(args, System.getenv(), new Terminal(System.in, System.console()), out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs one command with the given environment and streams (tests call this in-process) and returns its exit code.
     * Never throws: every failure is printed on {@code err} as one or two lines (plus a stack trace with --verbose).
     */
    static int run(String[] args, Map<String, String> env, Terminal terminal, PrintWriter out, PrintWriter err) {
        LpLoginCommand root = new LpLoginCommand(env, terminal, out, err, Clock.systemUTC());
        Optional<TokenFastPath.Parsed> token = TokenFastPath.parse(args);
        int code = token.isPresent() ? TokenFastPath.run(root, token.get(), err) : viaPicocli(root, args, out, err);
        out.flush();
        err.flush();
        return code;
    }

    /** Prints {@code failure} as the user sees every error and returns its exit code. */
    static int failed(LpLoginCommand root, Throwable failure) {
        CliException translated = Failures.translate(failure);
        root.output().error(translated);
        return translated.exitCode().code();
    }

    private static int viaPicocli(LpLoginCommand root, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(root);
        // before the settings below, which picocli applies to the subcommands registered at the time
        LpLoginCommand.register(commandLine, args);
        // '@FILE' is a value of its own ('api --data @FILE'), never a file of arguments to splice in
        commandLine.setExpandAtFiles(false);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, ignored) -> {
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            root.output().error(CliException.usage(e.getMessage(), "see '" + command + " --help'"));
            return ExitCode.USAGE.code();
        });
        commandLine.setExecutionStrategy(parseResult -> {
            CliLogging.configure(root.verbose(), err);
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> failed(root, e));
        try {
            return commandLine.execute(args);
        } catch (RuntimeException | Error e) {
            // picocli hands only Exceptions to the handler above; an Error (e.g. a failed class initialisation) gets
            // the same treatment, so the user never sees a bare stack trace
            return failed(root, e);
        }
    }
}
