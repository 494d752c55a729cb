package dev.lplogin.app.cli;

import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.LoginEmulator;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;

/**
 * The workload bin/lp-login records its class-data cache from (an AOT cache or CDS archive, once per build): the
 * commands whose start-up a shell user feels, run in one JVM with their output discarded — {@code login} against an
 * in-process emulator on loopback, then {@code token} with that fresh stored session, {@code status} and
 * {@code --help}. It writes only under the directory it is given and reaches no host but the loopback emulator.
 * Started by the launcher with {@code -Dlp-login.training=DIR}; never by users.
 */
final class Training {

    /** The system property naming the scratch directory; its presence selects this workload. */
    static final String PROPERTY = "lp-login.training";

    private Training() {
    }

    /** Runs the workload under {@code dir}; returns 0 if every command did what it does for a user. */
    static int run(Path dir) {
        try (LoginEmulator emulator = LoginEmulator.start()) {
            Path certificate = dir.resolve("emulator.pem");
            java.io.File parent = dir.toFile();
            if (!parent.isDirectory() && !parent.mkdirs()) {
                return 1;
            }
            emulator.writeCertificatePem(certificate);
            Map<String, String> env = Map.of("HOME", dir.toString(),
                    "XDG_CONFIG_HOME", dir.resolve("config").toString(),
                    "XDG_STATE_HOME", dir.resolve("state").toString(),
                    "LP_STORE", dir.resolve("store").toString(), "LP_CSDS", emulator.baseUrl().toString(),
                    "LP_CA_CERT", certificate.toString(), "LP_ACCOUNT", DemoAccount.ACCOUNT_ID,
                    "LP_USERNAME", DemoAccount.USERNAME);
            Map<String, String> withPassword = new java.util.HashMap<>(env);
            withPassword.put("LP_PASSWORD", DemoAccount.PASSWORD);
            int failures = run(withPassword, "login");
            failures += run(env, "token");
            failures += run(env, "status");
            failures += run(env, "--help");
            failures += run(env, "token", "--help");
            return failures == 0 ? 0 : 1;
        }
    }

    private static int run(Map<String, String> env, String... args) {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        int code = Main.run(args, env, new Terminal(InputStream.nullInputStream(), null), discard, discard);
        return code == ExitCode.OK.code() ? 0 : 1;
    }
}
