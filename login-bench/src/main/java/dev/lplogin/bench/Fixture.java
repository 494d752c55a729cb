package dev.lplogin.bench;

import dev.lplogin.adapter.http.HttpAuthGateway;
import dev.lplogin.adapter.http.HttpDomainLookup;
import dev.lplogin.adapter.http.HttpSettings;
import dev.lplogin.adapter.http.HttpTransport;
import dev.lplogin.adapter.storage.InMemoryTokenStore;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.AuthGateway;
import dev.lplogin.domain.port.DomainLookup;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.SessionListener;
import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.domain.usecase.LoginCore;
import dev.lplogin.domain.usecase.LoginSettings;
import dev.lplogin.domain.usecase.LoginUseCase;
import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.EmulatorConfig;
import dev.lplogin.emulator.LoginEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real thing, in one process: the emulator over HTTPS on loopback, and a core built by {@link LoginCore#create}
 * over the real HTTP adapters (one shared {@link HttpTransport}, as the app wires them) and the in-memory store.
 * Benchmarks measure through this, never through fakes.
 */
final class Fixture implements AutoCloseable {

    static final AccountId ACCOUNT = AccountId.of(DemoAccount.ACCOUNT_ID);
    static final SessionKey DEMO = SessionKey.of(DemoAccount.ACCOUNT_ID, DemoAccount.USERNAME);
    static final Credentials DEMO_CREDENTIALS =
            new Credentials.UserPassword(DemoAccount.USERNAME, Secret.of(DemoAccount.PASSWORD));

    final LoginEmulator emulator;
    final Path certificate;

    private Fixture(LoginEmulator emulator, Path certificate) {
        this.emulator = emulator;
        this.certificate = certificate;
    }

    /** An HTTPS emulator with the demo account; no login-rate limit that a benchmark would trip over. */
    static Fixture start() {
        return start(EmulatorConfig.defaults());
    }

    static Fixture start(EmulatorConfig config) {
        LoginEmulator emulator = LoginEmulator.start(config.withLoginLimit(1_000_000, Duration.ofMinutes(1)));
        try {
            Path certificate = Files.createTempFile("lp-login-bench-", ".pem");
            certificate.toFile().deleteOnExit();
            emulator.writeCertificatePem(certificate);
            return new Fixture(emulator, certificate);
        } catch (IOException e) {
            emulator.close();
            throw new UncheckedIOException(e);
        }
    }

    /** HTTP settings for a client of an emulator at {@code baseUrl} trusting {@code certificate}, no retry pauses. */
    static HttpSettings httpSettings(URI baseUrl, Path certificate) {
        return HttpSettings.builder().csdsBaseUrl(baseUrl).extraTrustedCertificate(certificate)
                .retryDelays(List.of(Duration.ofMillis(100), Duration.ofMillis(200))).build();
    }

    /** A new client (own transport, so own connections) wired like the app; closing it closes the transport. */
    Client client(LoginSettings settings, SessionListener listener) {
        return Client.create(httpSettings(emulator.baseUrl(), certificate), settings, listener, gateway -> gateway);
    }

    @Override
    public void close() {
        emulator.close();
        try {
            Files.deleteIfExists(certificate);
        } catch (IOException e) {
            // a temp file; deleteOnExit covers it
        }
    }

    /** Lifecycle settings of a benchmark: no logout on close (it would add requests that no one measures). */
    static LoginSettings.Builder settings() {
        return LoginSettings.builder().logoutOnClose(false);
    }

    /** A core and the transport under it. */
    record Client(LoginUseCase core, HttpTransport transport) implements AutoCloseable {

        /** How a benchmark may wrap the real gateway (to time it), never replace it. */
        interface GatewayDecorator {
            AuthGateway wrap(AuthGateway real);
        }

        static Client create(HttpSettings http, LoginSettings settings, SessionListener listener,
                GatewayDecorator decorator) {
            return create(http, settings, listener, decorator, new InMemoryTokenStore(settings.clock()));
        }

        /** A client on {@code store} (a shared one, for the fleet benchmark) instead of its own memory. */
        static Client create(HttpSettings http, LoginSettings settings, SessionListener listener,
                GatewayDecorator decorator, TokenStore store) {
            HttpTransport transport = HttpTransport.create(http);
            DomainLookup lookup = new HttpDomainLookup(transport, settings.clock());
            AuthGateway gateway = decorator.wrap(new HttpAuthGateway(transport, settings.clock()));
            LoginUseCase core = LoginCore.create(lookup, gateway, store, listener, settings);
            return new Client(core, transport);
        }

        /** Logs in, or fails loudly: a benchmark on a failed login would measure nothing. */
        void login(AccountId account, Credentials credentials) {
            if (!(core.login(account, credentials) instanceof LoggedIn)) {
                throw new IllegalStateException("the benchmark login of " + credentials.username() + " failed");
            }
        }

        @Override
        public void close() {
            core.close();
            transport.close();
        }
    }
}
