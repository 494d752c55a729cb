package dev.lplogin.calls;

import dev.lplogin.adapter.http.HttpAuthGateway;
import dev.lplogin.adapter.http.HttpDomainLookup;
import dev.lplogin.adapter.http.HttpSettings;
import dev.lplogin.adapter.http.HttpTransport;
import dev.lplogin.adapter.storage.InMemoryTokenStore;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.SessionListener;
import dev.lplogin.domain.usecase.LoginCore;
import dev.lplogin.domain.usecase.LoginSettings;
import dev.lplogin.domain.usecase.LoginUseCase;
import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.LoginEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The real thing against an emulator: an HTTP transport that trusts it, a core with an in-memory store, and the
 * calls helper on both; the demo user logged in.
 */
final class CallsRig implements AutoCloseable {

    static final SessionKey DEMO = SessionKey.of(DemoAccount.ACCOUNT_ID, DemoAccount.USERNAME);

    final LoginEmulator emulator;
    final HttpTransport transport;
    final LoginUseCase core;
    /** The core as the helper sees it: counts its {@code invalidate} calls. */
    final CountingLoginUseCase counted;
    final LivePersonCalls calls;

    private CallsRig(LoginEmulator emulator, HttpTransport transport, CallSettings settings) {
        this.emulator = emulator;
        this.transport = transport;
        this.core = LoginCore.create(new HttpDomainLookup(transport, InstantSource.system()),
                new HttpAuthGateway(transport, InstantSource.system()), new InMemoryTokenStore(),
                SessionListener.NONE, LoginSettings.builder().logoutOnClose(false).build());
        this.counted = new CountingLoginUseCase(core);
        this.calls = new LivePersonCalls(counted, transport, settings);
    }

    /** A rig whose transport is tuned by {@code http}; the emulator's certificate is written into {@code dir}. */
    static CallsRig against(LoginEmulator emulator, Path dir, UnaryOperator<HttpSettings.Builder> http,
            CallSettings settings) {
        Path pem = dir.resolve("emulator.pem");
        emulator.writeCertificatePem(pem);
        HttpSettings.Builder builder = HttpSettings.builder().csdsBaseUrl(emulator.baseUrl())
                .extraTrustedCertificate(pem).retryDelays(List.of()).requestTimeout(Duration.ofSeconds(10));
        return new CallsRig(emulator, HttpTransport.create(http.apply(builder).build()), settings);
    }

    static CallsRig against(LoginEmulator emulator, Path dir) {
        return against(emulator, dir, UnaryOperator.identity(), CallSettings.defaults());
    }

    /** Logs the demo user in (credentials held for re-logins); returns its bearer. */
    Secret loginDemo() {
        var outcome = core.login(AccountId.of(DemoAccount.ACCOUNT_ID),
                new Credentials.UserPassword(DemoAccount.USERNAME, Secret.of(DemoAccount.PASSWORD)));
        if (!(outcome instanceof LoggedIn)) {
            throw new AssertionError("the demo login failed: " + outcome);
        }
        return core.bearer(DEMO);
    }

    long logins() {
        return emulator.stats().requests(Endpoint.LOGIN);
    }

    @Override
    public void close() {
        core.close();
        transport.close();
    }
}
