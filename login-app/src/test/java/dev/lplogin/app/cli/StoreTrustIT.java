package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.adapter.storage.EncryptionKey;
import dev.lplogin.adapter.storage.SessionRecordFormat;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionCookie;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.EmulatorExtension;
import dev.lplogin.testkit.RedisServerExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stores' trust rules end to end, as real CLI processes against the emulator: a planted plaintext record is never
 * served, and a session obtained through one Domain API is never handed to a client of another (docs/storage.md,
 * docs/fleet.md). A record that cannot be opened: {@code WrongStoreKeyIT}.
 */
class StoreTrustIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.https();

    @RegisterExtension
    static final EmulatorExtension OTHER_EMULATOR = EmulatorExtension.https();

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final String ACCOUNT = DemoAccount.ACCOUNT_ID;
    private static final Map<String, String> CREDENTIALS = Map.of("LP_USERNAME", DemoAccount.USERNAME,
            "LP_PASSWORD", DemoAccount.PASSWORD);

    @TempDir
    Path dir;

    private final String fleetKey = EncryptionKey.generate().revealBase64();

    private CliProcess cli(LoginEmulator emulator, Path home) {
        return CliProcess.against(emulator, home);
    }

    @Test
    void a_planted_plaintext_record_is_never_served_by_a_sealed_fleet() {
        LoginEmulator emulator = EMULATOR.emulator();
        String store = REDIS.url() + "/2"; // a database of its own: the CLI uses the default key prefix
        CliProcess fleet = cli(emulator, dir).env("LP_STORE", store).env("LP_STORE_KEY", fleetKey);
        assertThat(fleet.run(CREDENTIALS, "", "login", "--account", ACCOUNT).exitCode()).isZero();
        SessionKey key = SessionKey.of(ACCOUNT, DemoAccount.USERNAME);
        // a Redis writer replaces the sealed record (in the store tied to this emulator) with a plaintext forgery
        SessionRecordFormat tied = SessionRecordFormat.of(Optional.empty(), Optional.of(emulator.baseUrl()));
        Instant now = Instant.now();
        Session forged = new Session(key, ServiceHost.of(emulator.baseUrl().getAuthority()),
                Secret.of("FORGED-BEARER"), Secret.of("forged-csrf"),
                List.of(new SessionCookie("Session_id", Secret.of("forged"))), "42", Optional.empty(), now, now,
                Optional.of(Duration.ofHours(8)), 0);
        REDIS.server().commandIn(2, "HSET", "lp-login:{" + tied.nameOf(key) + "}:session", "version", "9", "record",
                new String(tied.encode(forged), StandardCharsets.UTF_8));

        CliProcess.Result token = fleet.run(CREDENTIALS, "", "token", "--account", ACCOUNT);

        assertThat(token.exitCode()).as(token.err()).isZero();
        assertThat(token.out()).doesNotContain("FORGED");
        assertThat(emulator.isBearerValid(token.line())).isTrue();
        assertThat(token.err()).contains("it is not sealed, but a store key is configured: refused");
    }

    @Test
    void a_session_obtained_through_one_domain_api_is_not_handed_to_a_client_of_another() {
        LoginEmulator first = EMULATOR.emulator();
        LoginEmulator second = OTHER_EMULATOR.emulator();
        CliProcess.Result login = cli(first, dir).run(CREDENTIALS, "", "login", "--account", ACCOUNT);
        assertThat(login.exitCode()).as(login.err()).isZero();
        String firstBearer = cli(first, dir).run("token", "--account", ACCOUNT, "--user", DemoAccount.USERNAME)
                .line();

        CliProcess.Result elsewhere = cli(second, dir).run("token", "--account", ACCOUNT, "--user",
                DemoAccount.USERNAME);
        CliProcess.Result status = cli(second, dir).run("status");
        CliProcess.Result loggedIn = cli(second, dir).run(CREDENTIALS, "", "token", "--account", ACCOUNT);

        assertThat(elsewhere.exitCode()).as("nothing stored for this Domain API: " + elsewhere.err()).isEqualTo(7);
        assertThat(elsewhere.out()).doesNotContain(firstBearer);
        assertThat(status.out()).contains("no stored sessions");
        assertThat(loggedIn.exitCode()).as(loggedIn.err()).isZero();
        assertThat(second.isBearerValid(loggedIn.line())).isTrue();
        assertThat(cli(first, dir).run("token", "--account", ACCOUNT, "--user", DemoAccount.USERNAME).line())
                .as("the first one's session is still there, untouched").isEqualTo(firstBearer);
    }
}
