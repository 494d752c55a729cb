package dev.lplogin.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.adapter.http.HttpSettings;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.LoginOutcome;
import dev.lplogin.domain.port.RateLimited;
import dev.lplogin.domain.usecase.LoginSettings;
import dev.lplogin.domain.usecase.LoginUseCase;
import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.EmulatorConfig;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.emulator.SecondLogin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the client behaves under both descriptions of a second login of a live user (docs/protocol.md §3.5): the real
 * core and adapters, two cores standing for two processes, against an emulator in each mode.
 */
class SecondLoginTest {

    private static final AccountId ACCOUNT = AccountId.of(DemoAccount.ACCOUNT_ID);
    private static final SessionKey KEY = new SessionKey(ACCOUNT, DemoAccount.USERNAME);
    private static final Credentials USER = new Credentials.UserPassword(DemoAccount.USERNAME,
            Secret.of(DemoAccount.PASSWORD));

    @TempDir
    Path dir;

    @Test
    void kick_out_the_second_login_wins_and_the_first_core_logs_in_again_when_it_finds_its_session_gone() {
        try (LoginEmulator emulator = emulator(SecondLogin.KICK_OUT);
                LoginUseCase first = core(emulator, new AdapterSettings.Store.Memory());
                LoginUseCase second = core(emulator, new AdapterSettings.Store.Memory())) {
            first.login(ACCOUNT, USER);
            Secret firstBearer = first.bearer(KEY);

            assertThat(second.login(ACCOUNT, USER)).isInstanceOf(LoggedIn.class);
            Secret secondBearer = second.bearer(KEY);
            assertThat(emulator.isBearerValid(firstBearer.reveal())).as("kicked out").isFalse();

            first.refresh(KEY); // 401: gone; the held credentials log in again, kicking the second out in turn

            assertThat(emulator.isBearerValid(first.bearer(KEY).reveal())).isTrue();
            assertThat(emulator.isBearerValid(secondBearer.reveal())).isFalse();
            assertThat(emulator.stats().requests().get(Endpoint.LOGIN)).isEqualTo(3);
        }
    }

    @Test
    void refuse_the_second_login_is_rate_limited_at_once_and_the_first_session_lives_on() {
        try (LoginEmulator emulator = emulator(SecondLogin.REFUSE);
                LoginUseCase first = core(emulator, new AdapterSettings.Store.Memory());
                LoginUseCase second = core(emulator, new AdapterSettings.Store.Memory())) {
            first.login(ACCOUNT, USER);
            Secret firstBearer = first.bearer(KEY);

            long started = System.nanoTime();
            LoginOutcome refused = second.login(ACCOUNT, USER);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(refused).isInstanceOfSatisfying(RateLimited.class, limited -> assertThat(limited.retryAfter())
                    .as("until the first session would idle out").isGreaterThan(Duration.ofMinutes(29)));
            assertThat(took).as("a wait beyond the rate-limit budget is reported, not slept").isLessThan(
                    Duration.ofSeconds(5));
            assertThat(emulator.stats().requests().get(Endpoint.LOGIN)).as("no retries").isEqualTo(2);
            assertThat(first.refresh(KEY).key()).isEqualTo(KEY);
            assertThat(first.bearer(KEY)).isEqualTo(firstBearer);
            assertThat(emulator.isBearerValid(firstBearer.reveal())).isTrue();
        }
    }

    @Test
    void under_either_mode_processes_that_share_a_store_share_the_session_and_never_send_a_second_login() {
        for (SecondLogin mode : new SecondLogin[] {SecondLogin.KICK_OUT, SecondLogin.REFUSE}) {
            AdapterSettings.Store shared = new AdapterSettings.Store.Directory(dir.resolve(mode.optionValue()),
                    Optional.empty());
            try (LoginEmulator emulator = emulator(mode);
                    LoginUseCase first = core(emulator, shared);
                    LoginUseCase second = core(emulator, shared)) {
                first.login(ACCOUNT, USER);
                second.useCredentials(ACCOUNT, USER);

                assertThat(second.bearer(KEY)).as(mode.optionValue()).isEqualTo(first.bearer(KEY));
                assertThat(emulator.stats().requests().get(Endpoint.LOGIN)).as(mode.optionValue()).isEqualTo(1);
            }
        }
    }

    private static LoginEmulator emulator(SecondLogin mode) {
        return LoginEmulator.start(EmulatorConfig.defaults().withHttps(false).withSecondLogin(mode));
    }

    private static LoginUseCase core(LoginEmulator emulator, AdapterSettings.Store store) {
        HttpSettings http = HttpSettings.builder().csdsBaseUrl(emulator.baseUrl()).retryDelays(List.of())
                .build();
        return LoginComponent.create(new AdapterSettings(http, store),
                LoginSettings.builder().keepAlive(false).logoutOnClose(false).build(), event -> { })
                .loginUseCase();
    }
}
