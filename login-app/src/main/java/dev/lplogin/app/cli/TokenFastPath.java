package dev.lplogin.app.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code lp-login token} parsed and run without picocli. Scripts run {@code $(lp-login token)} before every call, so
 * its start-up is what a shell user feels; building picocli's model of even one command by reflection costs more
 * than the whole command, whose stored session needs no network (docs/performance.md).
 *
 * <p>Only the plain form is taken here: the word {@code token}, the global options anywhere, {@code token}'s own
 * options after it, each option at most once, as {@code --name value} or {@code --name=value}. Anything else — help,
 * a version request, a typo, a missing, empty or dash-led value, an {@code @file}, {@code --}, a repeat — is declined
 * and goes through picocli, so that every usage error and help text stays picocli's. {@code CommandLineTest} checks
 * that this parser and picocli's model of {@code token} know the same options and read them alike.
 */
final class TokenFastPath {

    /** The global options that take a value ({@link LpLoginCommand}). */
    static final Set<String> GLOBAL_VALUES = Set.of("--csds", "--store", "--ca-cert", "--service-host");
    /** The global flags. */
    static final Set<String> GLOBAL_FLAGS = Set.of("--json", "--verbose");
    /** {@code token}'s options that take a value ({@link TokenCommand}, {@link SessionTargetOptions}). */
    static final Set<String> TOKEN_VALUES = Set.of("--account", "--user");
    /** {@code token}'s flags. */
    static final Set<String> TOKEN_FLAGS = Set.of("--verify");

    private TokenFastPath() {
    }

    /** A {@code token} command line as read here: each given option's value ({@code ""} for a flag). */
    record Parsed(Map<String, String> options) {

        Parsed {
            options = Map.copyOf(options);
        }

        /** The option's value, or null when it was not given. */
        String value(String name) {
            return options.get(name);
        }

        boolean flag(String name) {
            return options.containsKey(name);
        }
    }

    /** The command line read as a plain {@code token} command, or empty to leave it to picocli. */
    static Optional<Parsed> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        boolean afterToken = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("token") && !afterToken) {
                afterToken = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                return Optional.empty();
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String value;
            if (GLOBAL_VALUES.contains(name) || afterToken && TOKEN_VALUES.contains(name)) {
                value = equals >= 0 ? arg.substring(equals + 1) : i + 1 < args.length ? args[++i] : "";
                if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
                    return Optional.empty();
                }
            } else if (equals < 0 && (GLOBAL_FLAGS.contains(name) || afterToken && TOKEN_FLAGS.contains(name))) {
                value = "";
            } else {
                return Optional.empty();
            }
            if (options.putIfAbsent(name, value) != null) {
                return Optional.empty();
            }
        }
        return afterToken ? Optional.of(new Parsed(options)) : Optional.empty();
    }

    /** Runs the parsed command as {@link TokenCommand} would under picocli: same output, same exit codes. */
    static int run(LpLoginCommand root, Parsed command, PrintWriter err) {
        root.withGlobalOptions(command.value("--csds"), command.value("--store"), command.value("--ca-cert"),
                command.value("--service-host"), command.flag("--json"), command.flag("--verbose"));
        CliLogging.configure(root.verbose(), err);
        try {
            return TokenCommand.run(root, command.value("--account"), command.value("--user"),
                    command.flag("--verify"));
        } catch (RuntimeException | Error e) {
            return Main.failed(root, e);
        }
    }
}
