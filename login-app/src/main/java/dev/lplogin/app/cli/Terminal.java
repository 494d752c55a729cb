package dev.lplogin.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/** Standard input and the interactive terminal: where secrets come from when not from the environment. */
final class Terminal {

    private final InputStream stdin;
    private final Console console;

    /** {@code console} may be null (no terminal). */
    Terminal(InputStream stdin, Console console) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        this.console = console != null && isInteractive(console) ? console : null;
    }

    /** The first line of standard input, without its line end; empty if stdin is empty or the line is blank. */
    Optional<String> firstLineOfStdin() {
        try {
            // Not closed: closing would close System.in, and nothing else is read from it.
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            return line == null || line.isEmpty() ? Optional.empty() : Optional.of(line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }

    /**
     * All of standard input (a request body: {@code lp-login api --data @-}), at most {@code limit} bytes.
     *
     * @throws CliException (usage) if there is more
     */
    byte[] allOfStdin(int limit) {
        try {
            byte[] read = stdin.readNBytes(limit + 1);
            if (read.length > limit) {
                throw CliException.usage("standard input holds more than " + limit + " bytes",
                        "send a larger body from a file with --data @FILE");
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }

    /** Asks for a secret without echo, if a person is at a terminal; empty otherwise or if nothing was typed. */
    Optional<String> promptSecret(String prompt) {
        if (console == null) {
            return Optional.empty();
        }
        char[] typed = console.readPassword("%s", prompt);
        return typed == null || typed.length == 0 ? Optional.empty() : Optional.of(new String(typed));
    }

    /**
     * Since JDK 22 {@code System.console()} returns a console even when the streams are redirected, and
     * {@code Console.isTerminal()} tells the difference; the code is compiled for Java 21, so ask reflectively.
     */
    private static boolean isInteractive(Console console) {
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // Java 21: a non-null console is a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
