package dev.lplogin.adapter.redis;

import dev.lplogin.adapter.http.HttpAuthGateway;
import dev.lplogin.adapter.http.HttpDomainLookup;
import dev.lplogin.adapter.http.HttpSettings;
import dev.lplogin.adapter.http.HttpTransport;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Lease;
import dev.lplogin.domain.port.SaveResult;
import dev.lplogin.domain.port.SessionEvent;
import dev.lplogin.domain.port.SessionListener;
import dev.lplogin.domain.port.StoreException;
import dev.lplogin.domain.usecase.LoginCore;
import dev.lplogin.domain.usecase.LoginSettings;
import dev.lplogin.domain.usecase.LoginUseCase;
import dev.lplogin.emulator.DemoAccount;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One replica of a bot, run in its own JVM by {@link FleetIT}: the real core, with keep-alive, the HTTP adapters
 * against the emulator and a {@link RedisTokenStore} shared with the other replicas. It asks for the bearer every
 * 20 ms like a busy bot, and reports on stdout, one line each:
 * <ul>
 *   <li>{@code ready}, once the core is built and warm (a domain lookup and a lease taken, renewed and released on
 *       another key: on a busy machine a cold JVM may otherwise be too slow to renew its first lease in time); it
 *       then waits for {@code go} on stdin, so that all replicas ask for the bearer at once;
 *   <li>{@code bearer <value>} whenever the bearer it hands out changes (emulator tokens: test data, no secret);
 *   <li>{@code fail <message>} whenever {@code bearer()} throws;
 *   <li>{@code leased <fence>} / {@code released <fence>} around the store's lease, so the test knows who holds it;
 *   <li>{@code saved <version>} after every save the store took, {@code store-failed <message>} after every store
 *       operation that failed;
 *   <li>{@code event <name>} for every session event.
 * </ul>
 * Arguments: csds URL, emulator certificate (PEM), Redis URL, key prefix, refresh interval ms, lease ttl ms.
 */
public final class FleetReplica {

    static final SessionKey KEY = SessionKey.of(DemoAccount.ACCOUNT_ID, DemoAccount.USERNAME);

    private FleetReplica() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true);
        HttpTransport transport = HttpTransport.create(HttpSettings.builder()
                .csdsBaseUrl(URI.create(args[0])).extraTrustedCertificate(Path.of(args[1]))
                .connectTimeout(Duration.ofSeconds(3)).requestTimeout(Duration.ofSeconds(10))
                .retryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(100))).build());
        RedisTokenStore redis = RedisTokenStore.create(RedisStoreSettings.of(args[2]).withKeyPrefix(args[3])
                .withCommandTimeout(Duration.ofSeconds(3)).withConnectTimeout(Duration.ofSeconds(3)));
        LoginSettings settings = LoginSettings.builder()
                .refreshInterval(Duration.ofMillis(Long.parseLong(args[4])))
                .leaseTtl(Duration.ofMillis(Long.parseLong(args[5])))
                .build();
        SessionListener listener = event -> out.println("event " + event.getClass().getSimpleName()
                + (event instanceof SessionEvent.LoggedIn in && in.relogin() ? " relogin" : ""));
        LoginUseCase core = LoginCore.create(new HttpDomainLookup(transport, settings.clock()),
                new HttpAuthGateway(transport, settings.clock()), new ReportingStore(redis, out), listener, settings);
        redis.onSessionReplaced(core::invalidate);
        core.useCredentials(new AccountId(DemoAccount.ACCOUNT_ID),
                new Credentials.UserPassword(DemoAccount.USERNAME, Secret.of(DemoAccount.PASSWORD)));
        warmUp(core, redis);
        out.println("ready");
        if (!"go".equals(new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine())) {
            return;
        }

        String last = null;
        while (true) {
            try {
                String bearer = core.bearer(KEY).reveal();
                if (!bearer.equals(last)) {
                    out.println("bearer " + bearer);
                    last = bearer;
                }
            } catch (RuntimeException e) {
                out.println("fail " + e.getMessage());
            }
            Thread.sleep(20);
        }
    }

    private static void warmUp(LoginUseCase core, RedisTokenStore redis) {
        core.serviceHost(new AccountId(DemoAccount.ACCOUNT_ID), ServiceName.LOGIN);
        SessionKey other = SessionKey.of(DemoAccount.ACCOUNT_ID, "warm-up-" + ProcessHandle.current().pid());
        redis.load(other);
        Lease lease = redis.tryLease(other, Duration.ofSeconds(5)).orElseThrow();
        redis.renew(lease, Duration.ofSeconds(5)).orElseThrow();
        redis.release(lease);
    }

    /** The Redis store, telling the test when this replica holds the lease. */
    private static final class ReportingStore extends ForwardingTokenStore {
        private final PrintStream out;

        ReportingStore(RedisTokenStore store, PrintStream out) {
            super(store);
            this.out = out;
        }

        @Override
        public SaveResult save(Session session, long expectedVersion) {
            return reported(() -> store.save(session, expectedVersion));
        }

        @Override
        public SaveResult save(Session session, long expectedVersion, Lease lease) {
            return reported(() -> store.save(session, expectedVersion, lease));
        }

        private SaveResult reported(Supplier<SaveResult> save) {
            try {
                SaveResult result = save.get();
                if (result instanceof SaveResult.Saved saved) {
                    out.println("saved " + saved.session().version());
                }
                return result;
            } catch (StoreException e) {
                out.println("store-failed " + e.getMessage());
                throw e;
            }
        }

        @Override
        public Optional<Lease> tryLease(SessionKey key, Duration ttl) {
            Optional<Lease> lease = store.tryLease(key, ttl);
            lease.ifPresent(l -> out.println("leased " + l.fence()));
            return lease;
        }

        @Override
        public void release(Lease lease) {
            out.println("released " + lease.fence());
            store.release(lease);
        }

        @Override
        public Optional<Lease> renew(Lease lease, Duration ttl) {
            Optional<Lease> renewed = store.renew(lease, ttl);
            if (renewed.isEmpty()) {
                out.println("lost " + lease.fence() + " " + Duration.between(java.time.Instant.now(),
                        lease.expiresAt()).toMillis() + " ms before its expiry");
            }
            return renewed;
        }
    }
}
