package dev.lplogin.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.adapter.http.HttpSettings;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.SessionEvent;
import dev.lplogin.domain.usecase.LoginSettings;
import dev.lplogin.domain.usecase.LoginUseCase;
import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.EmulatorExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The Dagger graph builds a working core from AdapterSettings: real adapters, the emulator over HTTPS. */
class LoginComponentTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.https();

    private static final AccountId ACCOUNT = AccountId.of(DemoAccount.ACCOUNT_ID);

    @TempDir
    Path dir;

    @Test
    void the_graph_logs_in_through_the_configured_csds_and_trusts_the_extra_certificate(LoginEmulator emulator) {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        LoginComponent app = LoginComponent.create(adapters(emulator, new AdapterSettings.Store.Memory()),
                LoginSettings.builder().keepAlive(false).build(), events::add);

        try (LoginUseCase core = app.loginUseCase()) {
            assertThat(app.loginUseCase()).as("one core per component").isSameAs(core);
            assertThat(core.serviceHost(ACCOUNT, ServiceName.LOGIN).value()).isEqualTo(emulator.authority());

            assertThat(core.login(ACCOUNT, new Credentials.UserPassword(DemoAccount.USERNAME,
                    Secret.of(DemoAccount.PASSWORD)))).isInstanceOf(LoggedIn.class);
        }
        assertThat(events).anyMatch(SessionEvent.LoggedIn.class::isInstance);
        assertThat(emulator.stats().activeSessions()).as("closed with logout-on-close (the default)").isZero();
    }

    /** A login seeds the lookup cache with the account's services: embedders ask for them without a request. */
    @Test
    void after_a_login_any_service_host_comes_from_the_seeded_cache(LoginEmulator emulator) {
        LoginComponent app = LoginComponent.create(adapters(emulator, new AdapterSettings.Store.Memory()),
                LoginSettings.builder().keepAlive(false).build(), event -> { });
        try (LoginUseCase core = app.loginUseCase()) {
            core.login(ACCOUNT, new Credentials.UserPassword(DemoAccount.USERNAME, Secret.of(DemoAccount.PASSWORD)));
            long lookups = emulator.stats().requests().getOrDefault(Endpoint.CSDS, 0L);

            assertThat(core.serviceHost(ACCOUNT, ServiceName.of("asyncMessagingEnt")).value())
                    .isEqualTo(emulator.authority());
            assertThat(core.serviceHosts(ACCOUNT)).containsKeys(ServiceName.LOGIN, ServiceName.of("liveEngageUI"));

            assertThat(emulator.stats().requests().getOrDefault(Endpoint.CSDS, 0L)).as("Domain API requests")
                    .isEqualTo(lookups);
        }
    }

    @Test
    void a_directory_store_keeps_sessions_for_the_next_component(LoginEmulator emulator) {
        AdapterSettings config = adapters(emulator, new AdapterSettings.Store.Directory(dir.resolve("store"),
                Optional.empty()));
        LoginSettings oneShot = LoginSettings.builder().keepAlive(false).logoutOnClose(false).build();
        SessionKey key = new SessionKey(ACCOUNT, DemoAccount.USERNAME);

        Secret bearer;
        try (LoginUseCase first = LoginComponent.create(config, oneShot, event -> { }).loginUseCase()) {
            first.login(ACCOUNT, new Credentials.UserPassword(DemoAccount.USERNAME, Secret.of(DemoAccount.PASSWORD)));
            bearer = first.bearer(key);
        }
        try (LoginUseCase second = LoginComponent.create(config, oneShot, event -> { }).loginUseCase()) {
            assertThat(second.bearer(key)).isEqualTo(bearer);
        }
    }

    private AdapterSettings adapters(LoginEmulator emulator, AdapterSettings.Store store) {
        Path pem = dir.resolve("emulator.pem");
        emulator.writeCertificatePem(pem);
        return new AdapterSettings(HttpSettings.builder().csdsBaseUrl(emulator.baseUrl())
                .extraTrustedCertificate(pem).build(), store);
    }
}
