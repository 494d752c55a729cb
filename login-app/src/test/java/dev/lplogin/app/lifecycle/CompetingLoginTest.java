package dev.lplogin.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.adapter.http.HttpAuthGateway;
import dev.lplogin.adapter.http.HttpDomainLookup;
import dev.lplogin.adapter.http.HttpSettings;
import dev.lplogin.adapter.http.HttpTransport;
import dev.lplogin.adapter.storage.InMemoryTokenStore;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.SessionEvent;
import dev.lplogin.domain.usecase.LoginCore;
import dev.lplogin.domain.usecase.LoginSettings;
import dev.lplogin.domain.usecase.LoginUseCase;
import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.testkit.EmulatorExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two processes logging in as one user without a shared store keep killing each other's session (the emulator, like
 * LivePerson, keeps one session per user); the core says so. The refreshes that find out are explicit calls, not
 * timers, so the test is exact and waits for nothing; it has an emulator of its own, so that no other test's logins
 * count toward the emulator's per-user login limit.
 */
class CompetingLoginTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.http();

    private static final AccountId ACCOUNT = AccountId.of(DemoAccount.ACCOUNT_ID);
    private static final Credentials DEMO =
            new Credentials.UserPassword(DemoAccount.USERNAME, Secret.of(DemoAccount.PASSWORD));
    private static final SessionKey KEY = new SessionKey(ACCOUNT, DemoAccount.USERNAME);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<SessionEvent> first = new CopyOnWriteArrayList<>();
    private final List<SessionEvent> second = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void two_processes_logging_in_as_one_user_without_a_shared_store_get_a_competing_login_warning() {
        LoginUseCase a = core(first);
        LoginUseCase b = core(second);
        a.login(ACCOUNT, DEMO);
        b.login(ACCOUNT, DEMO); // ends a's session

        for (int round = 0; round < 3; round++) {
            a.refresh(KEY); // 401: a logs in again, which ends b's session
            b.refresh(KEY); // 401: b logs in again, which ends a's session
        }

        assertThat(EMULATOR.emulator().stats().requests(Endpoint.LOGIN)).isEqualTo(8);
        assertThat(first).filteredOn(SessionEvent.CompetingLogin.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((SessionEvent.CompetingLogin) e).killedRecently()).isEqualTo(3))
                .asString().contains("share one session store");
        assertThat(second).filteredOn(SessionEvent.CompetingLogin.class::isInstance).hasSize(1);
    }

    private LoginUseCase core(List<SessionEvent> events) {
        HttpTransport transport = HttpTransport.create(HttpSettings.builder()
                .csdsBaseUrl(EMULATOR.emulator().baseUrl())
                .connectTimeout(Duration.ofSeconds(3)).requestTimeout(Duration.ofSeconds(5))
                .build());
        resources.add(transport);
        LoginUseCase core = LoginCore.create(new HttpDomainLookup(transport, Clock.systemUTC()),
                new HttpAuthGateway(transport, Clock.systemUTC()), new InMemoryTokenStore(), events::add,
                LoginSettings.builder().keepAlive(false).closeTimeout(Duration.ofSeconds(5)).build());
        resources.add(core);
        return core;
    }
}
