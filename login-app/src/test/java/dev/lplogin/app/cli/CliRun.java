package dev.lplogin.app.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

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
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun of(String... args) {
        return of(Map.of("HOME", "/nonexistent-lp-login-home"), "", args);
    }
}
