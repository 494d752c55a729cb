package dev.lplogin.app.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@link Main#run} in-process with a given environment and stdin, capturing stdout, stderr and the exit code. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(Map<String, String> env, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> fullEnv = new HashMap<>(env);
        // Keep the developer's real config file out of the test.
        fullEnv.putIfAbsent("XDG_CONFIG_HOME", "/nonexistent-lp-login-test");
        int code = Main.run(args, fullEnv,
                new Terminal(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null),
                new PrintWriter(out), new PrintWriter(err));
        if (!List.of(args).contains("--verbose")) {
            assertNoClassNames(err.toString());
            assertNoClassNames(out.toString());
        }
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A Java exception or error class, or a fully qualified name of ours or the JDK's. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b[A-Z][A-Za-z0-9]*(Exception|Error)\\b|\\b(java|javax|jakarta|dev\\.lplogin)\\.[a-z]+\\.[A-Za-z]");

    /** Fails if {@code output} names a Java class (allowed only with {@code --verbose}). */
    static void assertNoClassNames(String output) {
        Matcher m = CLASS_NAME.matcher(output);
        if (m.find()) {
            throw new AssertionError("output names a Java class (" + m.group() + "); users read messages, classes "
                    + "are for --verbose:\n" + output);
        }
    }

    static CliRun of(String... args) {
        return of(Map.of("HOME", "/nonexistent-lp-login-home"), "", args);
    }
}
