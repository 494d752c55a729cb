package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.Fault;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.EmulatorExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code lp-login token} processes sharing the file store, as users run them: the store lease keeps the second
 * out for as long as the first works (renewed past its 30 s ttl), and a holder killed with SIGKILL is replaced at
 * once (its OS lock on the {@code .held} file dies with it).
 */
class SharedLeaseIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.http();

    private static final Map<String, String> BOT = Map.of("LP_ACCOUNT", DemoAccount.ACCOUNT_ID,
            "LP_USERNAME", DemoAccount.BOT_USERNAME, "LP_CLIENT_ID", DemoAccount.CLIENT_ID,
            "LP_CLIENT_SECRET", DemoAccount.CLIENT_SECRET);

    @TempDir
    Path dir;

    private LoginEmulator emulator;
    private CliProcess cli;

    @BeforeEach
    void cli() {
        emulator = EMULATOR.emulator();
        cli = CliProcess.against(emulator, dir);
    }

    @Test
    void a_login_that_outlives_the_lease_ttl_still_keeps_the_second_process_out() throws Exception {
        // LivePerson's retry ladder (5, 10, 15 s) and an 8 s answer: 38 s, longer than the 30 s lease
        emulator.inject(Fault.status(Endpoint.LOGIN, 503, 3));
        emulator.inject(Fault.delay(Endpoint.LOGIN, Duration.ofSeconds(8), 1));

        Process first = cli.start(BOT, "token");
        TimeUnit.SECONDS.sleep(3);
        Process second = cli.start(BOT, "token");
        CliProcess.Result a = CliProcess.finish(first);
        CliProcess.Result b = CliProcess.finish(second);

        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(emulator.stats().requests(Endpoint.LOGIN)).as("3 answered 503, 1 login").isEqualTo(4);
        assertThat(b.out()).as("one bearer for both").isEqualTo(a.out());
        assertThat(emulator.isBearerValid(a.out().strip())).isTrue();
    }

    @Test
    void a_lease_holder_killed_mid_login_is_replaced_within_2_seconds() throws Exception {
        emulator.inject(Fault.delay(Endpoint.LOGIN, Duration.ofSeconds(30), 1));

        Process holder = cli.start(BOT, "token");
        awaitLogins(1);
        Process waiter = cli.start(BOT, "token");
        TimeUnit.SECONDS.sleep(2); // the waiter is polling for the lease by now
        holder.destroyForcibly().waitFor(); // SIGKILL
        long killedAt = System.nanoTime();
        awaitLogins(2);
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
        CliProcess.Result b = CliProcess.finish(waiter);

        assertThat(takeover).as("the waiter logged in within 2 s of the holder's death").isLessThan(Duration.ofSeconds(2));
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(emulator.isBearerValid(b.out().strip())).isTrue();
    }

    private void awaitLogins(long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (emulator.stats().requests(Endpoint.LOGIN) < count) {
            assertThat(System.nanoTime() - deadline).as("waiting for login request %d", count).isNegative();
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
