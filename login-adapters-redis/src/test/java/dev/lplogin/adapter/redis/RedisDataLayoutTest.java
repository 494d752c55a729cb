package dev.lplogin.adapter.redis;

import dev.lplogin.testkit.RedisServerExtension;
import static dev.lplogin.adapter.redis.TestSessions.ALICE;
import static dev.lplogin.adapter.redis.TestSessions.BOB;
import static dev.lplogin.adapter.redis.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.adapter.storage.EncryptionKey;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.port.Lease;
import dev.lplogin.domain.port.SaveResult;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the store leaves in Redis, read back with plain Redis commands: the layout docs/fleet.md describes. */
class RedisDataLayoutTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private RedisTokenStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void every_key_of_a_session_shares_one_hash_tag_under_the_prefix() {
        store = RedisTokenStore.create(TestSessions.settings(REDIS));
        store.save(session(ALICE, "a"), 0);
        Lease lease = store.tryLease(ALICE, Duration.ofSeconds(30)).orElseThrow();

        String hash = RedisKeys.hash(ALICE);
        assertThat(hash).hasSize(64).matches("[0-9a-f]+");
        assertThat(keysUnderPrefix()).containsExactlyInAnyOrder(
                REDIS.prefix() + "{" + hash + "}:session",
                REDIS.prefix() + "{" + hash + "}:lease",
                REDIS.prefix() + "{" + hash + "}:fence");
        assertThat(redis("HGET", REDIS.prefix() + "{" + hash + "}:session", "version")).isEqualTo("1");
        assertThat(redis("GET", REDIS.prefix() + "{" + hash + "}:fence")).isEqualTo(Long.toString(lease.fence()));
    }

    @Test
    void a_lease_key_expires_in_redis_a_little_after_the_lease_and_the_fence_counter_never_does() {
        store = RedisTokenStore.create(TestSessions.settings(REDIS).withLeaseGrace(Duration.ofSeconds(5)));
        Lease lease = store.tryLease(ALICE, Duration.ofSeconds(30)).orElseThrow();
        String hash = RedisKeys.hash(ALICE);

        long leaseTtl = Long.parseLong(redis("PTTL", REDIS.prefix() + "{" + hash + "}:lease"));
        assertThat(leaseTtl).isBetween(30_000L, 35_000L).isGreaterThan(34_000L);
        assertThat(redis("PTTL", REDIS.prefix() + "{" + hash + "}:fence")).isEqualTo("-1");

        store.renew(lease, Duration.ofSeconds(60)).orElseThrow();
        assertThat(Long.parseLong(redis("PTTL", REDIS.prefix() + "{" + hash + "}:lease"))).isGreaterThan(64_000L);

        store.release(lease);
        assertThat(redis("EXISTS", REDIS.prefix() + "{" + hash + "}:lease")).isEqualTo("0");
        assertThat(redis("GET", REDIS.prefix() + "{" + hash + "}:fence")).isEqualTo(Long.toString(lease.fence()));
    }

    @Test
    void a_fence_is_the_counter_plus_one_and_at_least_the_grant_time_in_microseconds() {
        Instant now = Instant.parse("2026-12-07T17:00:00.123456789Z");
        long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        store = RedisTokenStore.create(TestSessions.settings(REDIS).withClock(InstantSource.fixed(now)));
        String fenceKey = REDIS.prefix() + "{" + RedisKeys.hash(ALICE) + "}:fence";

        // a failover lost the last grants: the counter restarted low
        redis("SET", fenceKey, "3");
        Lease afterFailover = store.tryLease(ALICE, Duration.ofSeconds(30)).orElseThrow();
        assertThat(afterFailover.fence()).isEqualTo(micros);
        assertThat(redis("GET", fenceKey)).isEqualTo(Long.toString(micros));
        store.release(afterFailover);

        // grants in the same microsecond, or by a clock behind the counter, still grow by one
        Lease next = store.tryLease(ALICE, Duration.ofSeconds(30)).orElseThrow();
        assertThat(next.fence()).isEqualTo(micros + 1);
        store.release(next);
        redis("SET", fenceKey, Long.toString(micros + 1_000_000_000L));
        assertThat(store.tryLease(ALICE, Duration.ofSeconds(30)).orElseThrow().fence())
                .isEqualTo(micros + 1_000_000_001L);
    }

    @Test
    void a_lease_whose_redis_key_expired_can_be_taken_again_with_a_higher_fence() throws Exception {
        store = RedisTokenStore.create(TestSessions.settings(REDIS).withLeaseGrace(Duration.ofMillis(1)));
        Lease first = store.tryLease(ALICE, Duration.ofMillis(50)).orElseThrow();
        Thread.sleep(150); // the holder "died": its key is gone from Redis without anyone releasing it

        assertThat(redis("EXISTS", REDIS.prefix() + "{" + RedisKeys.hash(ALICE) + "}:lease")).isEqualTo("0");
        Lease second = store.tryLease(ALICE, Duration.ofSeconds(30)).orElseThrow();
        assertThat(second.fence()).isGreaterThan(first.fence());
        assertThat(store.save(session(ALICE, "a"), 0, first)).isInstanceOf(SaveResult.Fenced.class);
    }

    @Test
    void a_sealed_record_holds_no_secret_in_clear_and_opens_only_with_its_key() {
        EncryptionKey key = EncryptionKey.generate();
        store = RedisTokenStore.create(TestSessions.settings(REDIS).withKey(key));
        store.save(session(ALICE, "s3cr3t-value"), 0);

        String record = redis("HGET", REDIS.prefix() + "{" + RedisKeys.hash(ALICE) + "}:session", "record");
        assertThat(record).doesNotContain("s3cr3t-value").contains("\"encrypted\":true").contains(key.id());
        try (RedisTokenStore sameKey = RedisTokenStore.create(TestSessions.settings(REDIS).withKey(key))) {
            assertThat(sameKey.load(ALICE).orElseThrow().bearer().reveal()).isEqualTo("bearer-s3cr3t-value");
        }
    }

    @Test
    void a_plaintext_record_is_the_file_stores_envelope() {
        store = RedisTokenStore.create(TestSessions.settings(REDIS));
        store.save(session(ALICE, "plain"), 0);

        String record = redis("HGET", REDIS.prefix() + "{" + RedisKeys.hash(ALICE) + "}:session", "record");
        assertThat(record).contains("\"format\":1").contains("\"encrypted\":false").contains("bearer-plain");
    }

    @Test
    void list_finds_sessions_without_keys_which_the_test_server_disables_and_ignores_other_prefixes() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> redis("KEYS", "*")))
                .hasMessageContaining("unknown command");
        store = RedisTokenStore.create(TestSessions.settings(REDIS));
        store.save(session(ALICE, "a"), 0);
        store.save(session(BOB, "b"), 0);
        try (RedisTokenStore otherTeam = RedisTokenStore.create(TestSessions.settings(REDIS).withKeyPrefix("other-team:"))) {
            otherTeam.save(session(ALICE, "theirs"), 0);

            assertThat(store.list()).extracting(Session::key).containsExactlyInAnyOrder(ALICE, BOB);
            assertThat(otherTeam.list()).extracting(s -> s.bearer().reveal()).containsExactly("bearer-theirs");
        }
    }

    @Test
    void a_prefix_with_glob_characters_lists_only_its_own_sessions() {
        try (RedisTokenStore starred = RedisTokenStore.create(TestSessions.settings(REDIS).withKeyPrefix(REDIS.prefix() + "*"));
                RedisTokenStore plain = RedisTokenStore.create(TestSessions.settings(REDIS).withKeyPrefix(REDIS.prefix() + "x"))) {
            plain.save(session(ALICE, "plain"), 0);
            starred.save(session(BOB, "starred"), 0);

            assertThat(starred.list()).extracting(Session::key).containsExactly(BOB);
        }
    }

    @Test
    void the_database_in_the_url_is_the_one_used() {
        store = RedisTokenStore.create(TestSessions.settings(REDIS).withEndpoint(RedisEndpoint.parse(REDIS.server().url() + "/2")));
        store.save(session(ALICE, "db2"), 0);

        assertThat(keysUnderPrefix()).isEmpty();
        assertThat(REDIS.server().commandIn(2, "EXISTS", REDIS.prefix() + "{" + RedisKeys.hash(ALICE) + "}:session"))
                .isEqualTo("1");
    }

    @Test
    void scripts_still_run_after_redis_forgot_them() {
        store = RedisTokenStore.create(TestSessions.settings(REDIS));
        store.save(session(ALICE, "a"), 0);
        redis("SCRIPT", "FLUSH");

        assertThat(store.save(session(ALICE, "b"), 1)).isInstanceOf(SaveResult.Saved.class);
        assertThat(store.tryLease(ALICE, Duration.ofSeconds(5))).isPresent();
    }

    @Test
    void a_record_that_is_not_well_formed_counts_as_absent_and_is_removed_while_other_keys_stay_readable() {
        store = RedisTokenStore.create(TestSessions.settings(REDIS));
        store.save(session(ALICE, "a"), 0);
        store.save(session(BOB, "b"), 0);
        String aliceKey = REDIS.prefix() + "{" + RedisKeys.hash(ALICE) + "}:session";
        redis("HSET", aliceKey, "record", "{not json");

        assertThat(store.load(ALICE)).isEmpty();
        assertThat(redis("EXISTS", aliceKey)).isEqualTo("0");
        assertThat(store.load(BOB)).isPresent();
        assertThat(store.save(session(ALICE, "again"), 0)).isInstanceOf(SaveResult.Saved.class);
    }

    @Test
    void a_record_of_another_key_under_a_keys_name_is_not_handed_out() {
        store = RedisTokenStore.create(TestSessions.settings(REDIS));
        store.save(session(BOB, "bob"), 0);
        String bobRecord = redis("HGET", REDIS.prefix() + "{" + RedisKeys.hash(BOB) + "}:session", "record");
        redis("HSET", REDIS.prefix() + "{" + RedisKeys.hash(ALICE) + "}:session", "version", "1", "record", bobRecord);

        assertThat(store.load(ALICE)).isEmpty();
        assertThat(store.list()).extracting(Session::key).containsExactly(BOB);
    }

    private List<String> keysUnderPrefix() {
        String reply = redis("EVAL", "local r = {} local c = '0' repeat local p = redis.call('SCAN', c, 'MATCH',"
                + " ARGV[1], 'COUNT', 1000) c = p[1] for _, k in ipairs(p[2]) do r[#r + 1] = k end until c == '0'"
                + " return r", "0", REDIS.prefix().replace("*", "\\*") + "*");
        return reply.isEmpty() ? List.of() : Arrays.asList(reply.split("\n"));
    }

    private static String redis(String... command) {
        return REDIS.server().command(command);
    }
}
