package dev.lplogin.adapter.redis;

import static dev.lplogin.adapter.redis.TestSessions.ALICE;
import static dev.lplogin.adapter.redis.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.adapter.storage.EncryptionKey;
import dev.lplogin.adapter.storage.SessionRecordFormat;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.port.StoreException;
import dev.lplogin.testkit.RedisServerExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a Redis writer or reader cannot do to a fleet: plant a plaintext record that a sealed store adopts, make a
 * replica on another key see "nothing stored", read sessions in clear on a remote Redis without anyone having agreed
 * to it, leave sessions in Redis forever, or hand a session obtained through one Domain API to a client of another.
 */
class RedisTrustTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final List<RedisTokenStore> stores = new CopyOnWriteArrayList<>();
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Logger storeLogger = Logger.getLogger(RedisTokenStore.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    {
        storeLogger.addHandler(capture);
    }

    @AfterEach
    void close() {
        storeLogger.removeHandler(capture);
        stores.forEach(RedisTokenStore::close);
    }

    private RedisTokenStore store(RedisStoreSettings settings) {
        RedisTokenStore store = RedisTokenStore.create(settings);
        stores.add(store);
        return store;
    }

    private List<String> warnings() {
        return logged.stream().filter(r -> r.getLevel() == Level.WARNING).map(LogRecord::getMessage).toList();
    }

    private static String sessionKey(String hash) {
        return REDIS.prefix() + "{" + hash + "}:session";
    }

    @Test
    void a_planted_plaintext_record_is_refused_said_once_deleted_and_never_adopted() {
        RedisTokenStore sealed = store(TestSessions.settings(REDIS).withKey(EncryptionKey.generate()));
        sealed.save(session(ALICE, "genuine"), 0);
        // a Redis writer overwrites the record with a plaintext one carrying a bearer of its choice
        String forged = new String(SessionRecordFormat.of(Optional.empty()).encode(session(ALICE, "FORGED")),
                StandardCharsets.UTF_8);
        REDIS.server().command("HSET", sessionKey(RedisKeys.hash(ALICE)), "version", "7", "record", forged);
        logged.clear();

        assertThat(sealed.load(ALICE)).as("the forged bearer is never handed out").isEmpty();
        assertThat(sealed.load(ALICE)).isEmpty();

        assertThat(warnings()).as("said once").singleElement().asString()
                .contains("it is not sealed, but a store key is configured: refused").doesNotContain("FORGED");
        assertThat(REDIS.server().command("EXISTS", sessionKey(RedisKeys.hash(ALICE)))).isEqualTo("0");
    }

    @Test
    void a_replica_on_another_key_gets_an_error_naming_the_key_problem_not_nothing_stored() {
        EncryptionKey fleetKey = EncryptionKey.generate();
        store(TestSessions.settings(REDIS).withKey(fleetKey)).save(session(ALICE, "a"), 0);
        RedisTokenStore typo = store(TestSessions.settings(REDIS).withKey(EncryptionKey.generate()));

        assertThatThrownBy(() -> typo.load(ALICE)).isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).retryable()).isFalse())
                .hasMessageContaining("was sealed with another store key (key id " + fleetKey.id())
                .hasMessageContaining("no login is made over it")
                .hasMessageNotContaining(fleetKey.revealBase64());
        assertThat(REDIS.server().command("HGET", sessionKey(RedisKeys.hash(ALICE)), "version"))
                .as("the fleet's record is left alone").isEqualTo("1");
    }

    @Test
    void a_rotated_replica_opens_records_of_the_previous_key_and_seals_with_the_new_one() {
        EncryptionKey oldKey = EncryptionKey.generate();
        EncryptionKey newKey = EncryptionKey.generate();
        store(TestSessions.settings(REDIS).withKey(oldKey)).save(session(ALICE, "a"), 0);
        RedisTokenStore rotated = store(TestSessions.settings(REDIS).withKey(newKey.withPrevious(List.of(oldKey))));

        Session loaded = rotated.load(ALICE).orElseThrow();
        rotated.save(session(ALICE, "b"), loaded.version());

        assertThat(REDIS.server().command("HGET", sessionKey(RedisKeys.hash(ALICE)), "record"))
                .contains(newKey.id()).doesNotContain(oldKey.id());
        assertThat(store(TestSessions.settings(REDIS).withKey(newKey)).load(ALICE).orElseThrow().bearer().reveal())
                .isEqualTo("bearer-b");
    }

    @Test
    void a_store_without_a_key_warns_at_start_and_refuses_to_work_on_a_redis_not_on_this_host_unless_allowed() {
        RedisStoreSettings remote = RedisStoreSettings.of("redis://redis.internal:6379")
                .withConnectTimeout(Duration.ofMillis(200));

        RedisTokenStore refused = store(remote);
        assertThatThrownBy(() -> refused.load(ALICE)).as("refused before any connection")
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).retryable()).isFalse())
                .hasMessageContaining("no store key is set, and Redis at redis://redis.internal:6379/0 is not on this"
                        + " host")
                .hasMessageContaining("LP_STORE_KEY").hasMessageContaining("LP_REDIS_PLAINTEXT=allow");
        assertThat(warnings()).singleElement().asString()
                .startsWith("no store key is set: sessions (bearer, csrf token, cookies) are kept in clear");
        logged.clear();

        for (RedisTokenStore accepted : List.of(store(remote.withKey(EncryptionKey.generate())),
                store(remote.withPlaintextAllowed(true)))) {
            assertThatThrownBy(() -> accepted.load(ALICE)).as("accepted: it tries to connect")
                    .isInstanceOf(StoreException.class).hasMessageNotContaining("no store key is set");
        }
        store(TestSessions.settings(REDIS)).load(ALICE);
        assertThat(warnings()).as("the opt-out and loopback still warn").hasSize(2).allSatisfy(w -> assertThat(w)
                .startsWith("no store key is set: sessions (bearer, csrf token, cookies) are kept in clear"));
    }

    @Test
    void a_session_key_expires_in_redis_a_while_after_the_sessions_hard_deadline() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z"); // the test session: issued 09:00, 8 h max lifetime
        RedisTokenStore store = store(TestSessions.settings(REDIS).withClock(InstantSource.fixed(now)));
        store.save(session(ALICE, "a"), 0);

        long ttl = Long.parseLong(REDIS.server().command("PTTL", sessionKey(RedisKeys.hash(ALICE))));
        long expected = Duration.ofHours(7).plus(RedisTokenStore.SESSION_KEY_GRACE).toMillis();
        assertThat(ttl).isBetween(expected - 60_000, expected);
    }

    @Test
    void a_session_stored_through_one_domain_api_is_not_handed_to_a_client_of_another() {
        RedisStoreSettings base = TestSessions.settings(REDIS).withKey(EncryptionKey.generate());
        RedisTokenStore a = store(base.withDomainApi(URI.create("https://127.0.0.1:41001")));
        RedisTokenStore b = store(base.withDomainApi(URI.create("https://127.0.0.1:41002")));
        a.save(session(ALICE, "through-a"), 0);

        assertThat(b.load(ALICE)).isEmpty();
        assertThat(b.list()).isEmpty();
        assertThat(store(base).load(ALICE)).as("nor to an untied store").isEmpty();
        assertThat(a.load(ALICE).orElseThrow().bearer().reveal()).isEqualTo("bearer-through-a");
        assertThat(warnings()).as("another base's records are not unreadable, just not ours").isEmpty();
    }
}
