package dev.lplogin.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.adapter.http.HttpAuthGateway;
import dev.lplogin.adapter.http.HttpDomainLookup;
import dev.lplogin.adapter.http.HttpSettings;
import dev.lplogin.adapter.http.HttpTransport;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Lease;
import dev.lplogin.domain.port.SaveResult;
import dev.lplogin.domain.port.SessionListener;
import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.domain.usecase.LoginCore;
import dev.lplogin.domain.usecase.LoginSettings;
import dev.lplogin.domain.usecase.LoginUseCase;
import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.EmulatorExtension;
import dev.lplogin.testkit.RedisServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The race the fenced save exists for, with two real cores (two "replicas", each with its own connections) on one real
 * Redis and the emulator: replica A logs in, then stalls (a GC pause, a network partition) before saving, for longer
 * than its lease; B takes the lease over, logs in (which kills A's session at LivePerson) and saves. When A wakes up,
 * its late save is refused, and A hands out B's session instead of its own dead one.
 */
class FencedSaveRaceTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.https();

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final SessionKey KEY = SessionKey.of(DemoAccount.ACCOUNT_ID, DemoAccount.USERNAME);
    private static final Duration LEASE_TTL = Duration.ofMillis(600);

    private final List<AutoCloseable> resources = new ArrayList<>();

    @TempDir
    Path scratch;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void a_save_made_after_the_lease_was_taken_over_is_refused_and_the_late_replica_adopts_the_new_session()
            throws Exception {
        LoginEmulator emulator = EMULATOR.emulator();
        StallingStore storeA = new StallingStore(store());
        LoginUseCase a = core(storeA);
        LoginUseCase b = core(store());
        RedisTokenStore observer = store();

        CompletableFuture<Secret> bearerA = CompletableFuture.supplyAsync(() -> a.bearer(KEY));
        assertThat(storeA.stalled.await(20, TimeUnit.SECONDS)).as("A logged in and stalls before its save").isTrue();
        assertThat(emulator.stats().requests(Endpoint.LOGIN)).isEqualTo(1);

        Secret bearerB = b.bearer(KEY); // waits until A's lease, no longer renewed, lapses; then logs in
        assertThat(emulator.stats().requests(Endpoint.LOGIN)).isEqualTo(2);
        assertThat(observer.load(KEY).orElseThrow().bearer()).isEqualTo(bearerB);

        storeA.wakeUp.countDown();
        Secret lateA = bearerA.get(20, TimeUnit.SECONDS);

        assertThat(storeA.lateSaveResult).as("A's save under its superseded lease").isInstanceOf(SaveResult.Fenced.class);
        assertThat(lateA).as("A hands out B's session, not its own (killed) one").isEqualTo(bearerB);
        assertThat(a.bearer(KEY)).isEqualTo(bearerB);
        assertThat(emulator.isBearerValid(bearerB.reveal())).isTrue();
        assertThat(observer.load(KEY).orElseThrow().bearer()).as("the stored session is still B's").isEqualTo(bearerB);
        assertThat(emulator.stats().requests(Endpoint.LOGIN)).as("no third login").isEqualTo(2);
    }

    private Path pem() {
        Path pem = scratch.resolve("emulator.pem");
        if (!Files.exists(pem)) {
            EMULATOR.emulator().writeCertificatePem(pem);
        }
        return pem;
    }

    private RedisTokenStore store() {
        RedisTokenStore store = RedisTokenStore.create(TestSessions.settings(REDIS));
        resources.add(store);
        return store;
    }

    private LoginUseCase core(TokenStore store) {
        HttpTransport transport = HttpTransport.create(HttpSettings.builder()
                .csdsBaseUrl(EMULATOR.emulator().baseUrl())
                .extraTrustedCertificate(pem())
                .build());
        resources.add(transport);
        LoginSettings settings = LoginSettings.builder().keepAlive(false).logoutOnClose(false).leaseTtl(LEASE_TTL)
                .build();
        LoginUseCase core = LoginCore.create(new HttpDomainLookup(transport, settings.clock()),
                new HttpAuthGateway(transport, settings.clock()), store, SessionListener.NONE, settings);
        resources.add(core);
        core.useCredentials(new AccountId(DemoAccount.ACCOUNT_ID),
                new Credentials.UserPassword(DemoAccount.USERNAME, Secret.of(DemoAccount.PASSWORD)));
        return core;
    }

    /**
     * Replica A's view of the store while it stalls: its first save under a lease waits for {@link #wakeUp}, and
     * meanwhile it renews nothing (a stalled process sends nothing), so its lease lapses.
     */
    private static final class StallingStore extends ForwardingTokenStore {
        final CountDownLatch stalled = new CountDownLatch(1);
        final CountDownLatch wakeUp = new CountDownLatch(1);
        volatile boolean stalling;
        volatile SaveResult lateSaveResult;

        StallingStore(RedisTokenStore store) {
            super(store);
        }

        @Override
        public SaveResult save(Session session, long expectedVersion, Lease lease) {
            if (stalled.getCount() > 0) {
                stalling = true;
                stalled.countDown();
                try {
                    wakeUp.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                stalling = false;
                lateSaveResult = store.save(session, expectedVersion, lease);
                return lateSaveResult;
            }
            return store.save(session, expectedVersion, lease);
        }

        @Override
        public Optional<Lease> renew(Lease lease, Duration ttl) {
            return stalling ? Optional.empty() : store.renew(lease, ttl);
        }
    }
}
