package dev.lplogin.adapter.redis;

import dev.lplogin.testkit.RedisServer;
import dev.lplogin.testkit.RedisServerExtension;
import static dev.lplogin.adapter.redis.TestSessions.ALICE;
import static dev.lplogin.adapter.redis.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.port.SaveResult;
import dev.lplogin.domain.port.StoreException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Redis that is down, goes away, comes back, refuses the credentials or the keys, or speaks TLS: every failure is a
 * {@link StoreException} that names the Redis, says whether retrying helps, comes fast, and holds no secret.
 */
class RedisFailuresTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final Duration FAST = Duration.ofSeconds(3);

    @Test
    void a_redis_that_is_not_there_fails_fast_as_retryable_naming_it() {
        RedisServer server = RedisServer.start();
        String url = server.url();
        server.stop();
        try (RedisTokenStore store = RedisTokenStore.create(RedisStoreSettings.of(url))) {
            long start = System.nanoTime();
            StoreException e = catchThrowableOfType(StoreException.class, () -> store.load(ALICE));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
            assertThat(e.retryable()).as(e.getMessage()).isTrue();
            assertThat(e.getMessage()).startsWith("session store: Redis at " + url + "/0 is unavailable")
                    .contains("connection refused");
            assertThat(catchThrowableOfType(StoreException.class, () -> store.tryLease(ALICE, Duration.ofSeconds(5)))
                    .retryable()).isTrue();
        }
    }

    @Test
    void a_redis_that_goes_away_fails_each_call_at_once_and_is_used_again_when_it_is_back() throws Exception {
        try (RedisServer server = RedisServer.start();
                RedisTokenStore store = RedisTokenStore.create(RedisStoreSettings.of(server.url()))) {
            assertThat(store.save(session(ALICE, "a"), 0)).isInstanceOf(SaveResult.Saved.class);

            server.stop();
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                StoreException e = catchThrowableOfType(StoreException.class, () -> store.load(ALICE));
                assertThat(e.retryable()).as(e.getMessage()).isTrue();
                assertThat(e.getMessage()).contains("Redis at " + server.url());
                // no call waits for the reconnect: the core must be free to serve what it holds in memory
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            }

            server.restart();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            SaveResult result = null;
            while (result == null && System.nanoTime() < deadline) {
                try {
                    result = store.save(session(ALICE, "after"), 0); // the restarted Redis kept nothing
                } catch (StoreException e) {
                    Thread.sleep(100);
                }
            }
            assertThat(result).isInstanceOf(SaveResult.Saved.class);
            assertThat(store.load(ALICE).orElseThrow().bearer().reveal()).isEqualTo("bearer-after");
        }
    }

    @Test
    void an_acl_user_confined_to_the_prefix_can_do_everything_the_store_needs() throws Exception {
        String user = "lp-" + REDIS.prefix().replace(":", "");
        REDIS.server().command("ACL", "SETUSER", user, "on", ">pw-" + user, "resetkeys", "~" + REDIS.prefix() + "*",
                "resetchannels", "&" + REDIS.prefix() + "*", "-@all", "+@read", "+@write", "+@scripting",
                "+@pubsub", "+@connection", "+scan", "-@dangerous", "+evalsha", "+eval");
        RedisStoreSettings settings = patient(TestSessions.settings(REDIS))
                .withEndpoint(RedisEndpoint.parse("redis://" + user + "@127.0.0.1:" + REDIS.server().port()))
                .withPassword(Secret.of("pw-" + user));
        try (RedisTokenStore store = RedisTokenStore.create(settings);
                RedisTokenStore other = RedisTokenStore.create(settings)) {
            other.onSessionReplaced((key, previous) -> { });
            assertThat(store.save(session(ALICE, "a"), 0)).isInstanceOf(SaveResult.Saved.class);
            assertThat(other.load(ALICE)).isPresent();
            var lease = store.tryLease(ALICE, Duration.ofSeconds(5)).orElseThrow();
            assertThat(store.renew(lease, Duration.ofSeconds(5))).isPresent();
            assertThat(store.save(session(ALICE, "b"), 1, lease)).isInstanceOf(SaveResult.Saved.class);
            store.release(lease);
            assertThat(store.list()).hasSize(1);
            assertThat(store.delete(ALICE, 2)).isTrue();
        }
    }

    @Test
    void an_acl_user_without_access_to_the_prefix_is_refused_as_not_retryable() {
        String user = "lp-other-" + REDIS.prefix().replace(":", "");
        REDIS.server().command("ACL", "SETUSER", user, "on", ">pw", "resetkeys", "~someone-else:*", "+@all");
        RedisStoreSettings settings = patient(TestSessions.settings(REDIS))
                .withEndpoint(RedisEndpoint.parse("redis://" + user + ":pw@127.0.0.1:" + REDIS.server().port()));
        try (RedisTokenStore store = RedisTokenStore.create(settings)) {
            StoreException e = catchThrowableOfType(StoreException.class, () -> store.save(session(ALICE, "a"), 0));

            assertThat(e.retryable()).as(e.getMessage()).isFalse();
            assertThat(e.getMessage()).contains("refused").contains("NOPERM").contains(user + "@127.0.0.1");
        }
    }

    @Test
    void a_wrong_password_is_refused_as_not_retryable_and_never_shown() {
        String user = "lp-pw-" + REDIS.prefix().replace(":", "");
        REDIS.server().command("ACL", "SETUSER", user, "on", ">right-password", "~*", "&*", "+@all");
        RedisStoreSettings settings = patient(TestSessions.settings(REDIS))
                .withEndpoint(RedisEndpoint.parse("redis://" + user + ":wrong-password@127.0.0.1:"
                        + REDIS.server().port()));
        try (RedisTokenStore store = RedisTokenStore.create(settings)) {
            StoreException e = catchThrowableOfType(StoreException.class, () -> store.load(ALICE));

            assertThat(e.retryable()).as(e.getMessage()).isFalse();
            assertThat(e.getMessage()).contains("refused").contains("WRONGPASS").doesNotContain("wrong-password")
                    .doesNotContain("right-password");
            assertThat(store.toString()).doesNotContain("wrong-password");
        }
    }

    @Test
    void rediss_works_when_the_servers_ca_is_trusted_and_fails_as_not_retryable_when_not() {
        try (RedisServer tls = RedisServer.startTls()) {
            RedisStoreSettings settings = patient(RedisStoreSettings.of(tls.url()).withKeyPrefix(REDIS.prefix()));
            try (RedisTokenStore trusted = RedisTokenStore.create(settings.withCaCert(tls.tls().orElseThrow()
                    .certificate()))) {
                assertThat(trusted.save(session(ALICE, "over-tls"), 0)).isInstanceOf(SaveResult.Saved.class);
                assertThat(trusted.list()).extracting(s -> s.bearer().reveal()).isEqualTo(List.of("bearer-over-tls"));
            }
            try (RedisTokenStore untrusted = RedisTokenStore.create(settings)) {
                StoreException e = catchThrowableOfType(StoreException.class, () -> untrusted.load(ALICE));

                assertThat(e.retryable()).as(e.getMessage()).isFalse();
                assertThat(e.getMessage()).contains("rediss://127.0.0.1:" + tls.port()).contains("TLS");
            }
        }
    }

    /** Long timeouts, so that a refusal on a busy machine is never mistaken for a (retryable) timeout. */
    private static RedisStoreSettings patient(RedisStoreSettings settings) {
        return settings.withCommandTimeout(Duration.ofSeconds(15)).withConnectTimeout(Duration.ofSeconds(15));
    }
}
