package dev.lplogin.app.cli;

import dev.lplogin.adapter.storage.FileTokenStore;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionCookie;
import dev.lplogin.domain.model.SessionKey;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workload bin/lp-login records its class-data cache from (a CDS archive or AOT cache, once per build): the
 * commands whose start-up a shell user feels, run in one JVM with their output discarded — {@code token} with a
 * fresh stored session, {@code status}, and {@code --help}. It writes only under the directory it is given (a
 * session whose bearer is not real) and makes no network call. Started by the launcher with
 * {@code -Dlp-login.training=DIR}; never by users.
 */
final class Training {

    /** The system property naming the scratch directory; its presence selects this workload. */
    static final String PROPERTY = "lp-login.training";

    private static final String ACCOUNT = "12345678";
    private static final String USER = "training";

    private Training() {
    }

    /** Runs the workload under {@code dir}; returns 0 if every command did what it does for a user. */
    static int run(Path dir) {
        Path store = dir.resolve("store");
        Instant now = Instant.now();
        Session fresh = new Session(SessionKey.of(ACCOUNT, USER), ServiceHost.of("127.0.0.1:9"),
                Secret.of("training-bearer"), Secret.of("training-csrf"),
                List.of(new SessionCookie("Session_id", Secret.of("training-cookie"))), "1", Optional.empty(), now,
                now, Optional.of(Duration.ofHours(8)), 0);
        FileTokenStore.open(store, Clock.systemUTC()).save(fresh, 0);

        Map<String, String> env = Map.of("HOME", dir.toString(), "XDG_CONFIG_HOME", dir.resolve("config").toString(),
                "XDG_STATE_HOME", dir.resolve("state").toString(), "LP_STORE", store.toString(),
                "LP_ACCOUNT", ACCOUNT, "LP_USERNAME", USER);
        int failures = 0;
        failures += run(env, 0, "token");
        failures += run(env, 0, "status");
        failures += run(env, 0, "--help");
        failures += run(env, 0, "token", "--help");
        return failures == 0 ? 0 : 1;
    }

    private static int run(Map<String, String> env, int expected, String... args) {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        int code = Main.run(args, env, new Terminal(InputStream.nullInputStream(), null), discard, discard);
        return code == expected ? 0 : 1;
    }
}
