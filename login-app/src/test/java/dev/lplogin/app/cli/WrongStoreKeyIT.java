package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.adapter.storage.EncryptionKey;
import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.EmulatorExtension;
import dev.lplogin.testkit.RedisServerExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored session that exists but cannot be opened (another store key, no key) is not "nothing stored": the CLI
 * makes no login over it, even with credentials in the environment, and exits 8 (docs/storage.md, docs/cli.md). Real
 * CLI processes against the emulator, which counts the logins; file store and Redis.
 */
class WrongStoreKeyIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.https();

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final String ACCOUNT = DemoAccount.ACCOUNT_ID;
    private static final Map<String, String> CREDENTIALS = Map.of("LP_USERNAME", DemoAccount.USERNAME,
            "LP_PASSWORD", DemoAccount.PASSWORD);

    @TempDir
    Path dir;

    private final String fleetKey = EncryptionKey.generate().revealBase64();
    private final String typoKey = EncryptionKey.generate().revealBase64();

    private CliProcess cli(LoginEmulator emulator, Path home) {
        return CliProcess.against(emulator, home);
    }

    private int logins(LoginEmulator emulator) {
        return (int) emulator.stats().requests(Endpoint.LOGIN);
    }

    @Test
    void a_wrong_store_key_with_credentials_in_the_environment_never_logs_in_and_exits_8() {
        LoginEmulator emulator = EMULATOR.emulator();
        CliProcess.Result login = cli(emulator, dir).env("LP_STORE_KEY", fleetKey)
                .run(CREDENTIALS, "", "login", "--account", ACCOUNT);
        assertThat(login.exitCode()).as(login.err()).isZero();
        int before = logins(emulator);

        for (int call = 0; call < 3; call++) {
            CliProcess.Result token = cli(emulator, dir).env("LP_STORE_KEY", typoKey)
                    .run(CREDENTIALS, "", "token", "--account", ACCOUNT);

            assertThat(token.exitCode()).as(token.err()).isEqualTo(8);
            assertThat(token.out()).isEmpty();
            assertThat(token.err()).contains("sealed with another store key").contains("LP_STORE_KEY")
                    .doesNotContain(fleetKey).doesNotContain(typoKey);
        }
        assertThat(logins(emulator)).as("no blind login over a session that exists").isEqualTo(before);
    }

    @Test
    void a_replica_on_another_key_in_a_redis_fleet_never_logs_in() {
        LoginEmulator emulator = EMULATOR.emulator();
        String store = REDIS.url() + "/1"; // a database of its own: the CLI uses the default key prefix
        CliProcess fleet = cli(emulator, dir).env("LP_STORE", store).env("LP_STORE_KEY", fleetKey);
        CliProcess.Result login = fleet.run(CREDENTIALS, "", "login", "--account", ACCOUNT);
        assertThat(login.exitCode()).as(login.err()).isZero();
        int before = logins(emulator);

        CliProcess.Result typo = cli(emulator, dir).env("LP_STORE", store).env("LP_STORE_KEY", typoKey)
                .run(CREDENTIALS, "", "token", "--account", ACCOUNT);
        CliProcess.Result noKey = cli(emulator, dir).env("LP_STORE", store)
                .run(CREDENTIALS, "", "token", "--account", ACCOUNT);
        CliProcess.Result rotated = cli(emulator, dir).env("LP_STORE", store).env("LP_STORE_KEY", typoKey)
                .env("LP_STORE_KEY_PREVIOUS", fleetKey).run(CREDENTIALS, "", "token", "--account", ACCOUNT);

        assertThat(typo.exitCode()).as(typo.err()).isEqualTo(8);
        assertThat(typo.err()).contains("sealed with another store key");
        assertThat(noKey.exitCode()).as(noKey.err()).isEqualTo(8);
        assertThat(noKey.err()).contains("but no store key is configured");
        assertThat(rotated.exitCode()).as("the previous key opens it: " + rotated.err()).isZero();
        assertThat(emulator.isBearerValid(rotated.line())).isTrue();
        assertThat(logins(emulator)).as("the fleet's session was never killed by a blind login").isEqualTo(before);
    }

}
