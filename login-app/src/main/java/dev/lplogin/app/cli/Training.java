package dev.lplogin.app.cli;

import dev.lplogin.emulator.DemoAccount;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;

/**
 * The workload bin/lp-login records its class-data cache from (an AOT cache or CDS archive, once per build): the
 * start-up path of the commands scripts run most, in one JVM with their output discarded — {@code token} (against
 * an empty scratch store, so it ends with "not logged in"), {@code status}, {@code --help} and {@code token --help}.
 * No network: the cache holds the classes of that path only, because the JVM maps every class of an AOT cache at
 * start, so a cache of classes {@code token} does not use would slow it down. Writes only under the directory it is
 * given. Started by the launcher with {@code -Dlp-login.training=DIR}; never by users.
 */
final class Training {

    /** The system property naming the scratch directory; its presence selects this workload. */
    static final String PROPERTY = "lp-login.training";

    private Training() {
    }

    /** Runs the workload under {@code dir}; returns 0 if every command ended as it does for a user. */
    static int run(Path dir) {
        Map<String, String> env = Map.of("HOME", dir.toString(),
                "XDG_CONFIG_HOME", dir.resolve("config").toString(),
                "XDG_STATE_HOME", dir.resolve("state").toString(),
                "LP_STORE", dir.resolve("store").toString(), "LP_CSDS", "http://127.0.0.1:9",
                "LP_ACCOUNT", DemoAccount.ACCOUNT_ID, "LP_USERNAME", DemoAccount.USERNAME);
        int failures = run(env, ExitCode.NOT_LOGGED_IN, "token");
        failures += run(env, ExitCode.OK, "status");
        failures += run(env, ExitCode.OK, "--help");
        failures += run(env, ExitCode.OK, "token", "--help");
        return failures == 0 ? 0 : 1;
    }

    private static int run(Map<String, String> env, ExitCode expected, String... args) {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        int code = Main.run(args, env, new Terminal(InputStream.nullInputStream(), null), discard, discard);
        return code == expected.code() ? 0 : 1;
    }
}
