package dev.lplogin.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionCookie;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Lease;
import dev.lplogin.domain.port.SaveResult;
import dev.lplogin.domain.port.TokenStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link TokenStore} must obey, as tests: extend this class, return a fresh empty store from
 * {@link #createStore}, and run it with JUnit 5.
 *
 * <pre>{@code
 * class MyTokenStoreTest extends TokenStoreContract {
 *     @Override
 *     protected TokenStore createStore(InstantSource clock) {
 *         return new MyTokenStore(clock);
 *     }
 * }
 * }</pre>
 *
 * <p>Covered: a round trip of every field with secrets intact, versions and compare-and-set conflicts, delete, list,
 * isolation of keys, lease exclusivity, release, expiry and renewal, fences that only grow, fenced saves refused once
 * a lease was granted to another holder (and only then), and many threads writing one key with no lost update.
 * Stores shared between processes should add their own cross-process tests; this contract runs in one JVM.
 *
 * <p>Test methods are public so that the contract also runs on the module path, where JUnit may only reach public
 * members of exported packages.
 *
 * <p>Time: the store must judge lease expiry by the {@code clock} it is given. The contract moves that clock with
 * {@link #advanceClock}, so no test sleeps.
 */
public abstract class TokenStoreContract {

    /** Where the contract's clock starts. */
    protected static final Instant START = Instant.parse("2026-03-01T09:00:00.123456789Z");

    private static final Duration TTL = Duration.ofSeconds(30);

    private final ManualClock clock = new ManualClock(START);

    /** The store under test, fresh for every test. */
    protected TokenStore store;

    /**
     * A new, empty store whose leases expire by {@code clock}. Called once before every test.
     *
     * @param clock the contract's controllable clock; starts at {@link #START}
     */
    protected abstract TokenStore createStore(InstantSource clock);

    /** Threads in the no-lost-update test; lower it only for a store too slow for the default. */
    protected int writerThreads() {
        return 8;
    }

    /** Successful writes each thread makes in the no-lost-update test. */
    protected int writesPerThread() {
        return 20;
    }

    @BeforeEach
    public final void createFreshStore() {
        clock.set(START);
        store = createStore(clock);
    }

    /** Moves the store's clock forward. */
    protected final void advanceClock(Duration duration) {
        clock.advance(duration);
    }

    // --- loading, saving, versions --------------------------------------------------------------------------------

    @Test
    public void an_unknown_key_has_no_session_and_the_new_store_lists_nothing() {
        assertThat(store.load(key("alice"))).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    public void a_first_save_expects_version_0_and_stores_version_1() {
        Session session = fullSession(key("alice"));

        SaveResult result = store.save(session, 0);

        assertThat(result).isEqualTo(new SaveResult.Saved(session.withVersion(1)));
        assertThat(store.load(key("alice"))).contains(session.withVersion(1));
    }

    @Test
    public void every_field_survives_a_round_trip_with_secrets_intact() {
        Session session = fullSession(key("alice"));
        store.save(session, 0);

        Session loaded = store.load(key("alice")).orElseThrow();

        assertThat(loaded).isEqualTo(session.withVersion(1));
        assertThat(loaded.bearer().reveal()).isEqualTo("bearer-value-alice");
        assertThat(loaded.csrf().reveal()).isEqualTo("csrf-value-alice");
        assertThat(loaded.cookies()).extracting(c -> c.name() + "=" + c.value().reveal())
                .containsExactly("Session_id=cookie-value-alice", "LP_other=a value; with=odd \"chars\"");
        assertThat(loaded.loginHost()).isEqualTo(ServiceHost.of("va.agentvep.liveperson.net"));
        assertThat(loaded.userId()).isEqualTo("user-1");
        assertThat(loaded.userPid()).contains("pid-1");
        assertThat(loaded.issuedAt()).isEqualTo(START);
        assertThat(loaded.lastConfirmedAt()).isEqualTo(START.plusSeconds(60));
        assertThat(loaded.maxLifetime()).contains(Duration.ofHours(8));
    }

    @Test
    public void a_session_without_optional_fields_survives_a_round_trip() {
        Session session = minimalSession(key("alice"));
        store.save(session, 0);

        assertThat(store.load(key("alice"))).contains(session.withVersion(1));
    }

    @Test
    public void the_stored_version_comes_from_the_expected_version_not_from_the_session() {
        SaveResult result = store.save(fullSession(key("alice")).withVersion(42), 0);

        assertThat(result).isInstanceOfSatisfying(SaveResult.Saved.class,
                saved -> assertThat(saved.session().version()).isEqualTo(1));
    }

    @Test
    public void a_save_with_the_current_version_replaces_the_session_and_bumps_the_version() {
        store.save(fullSession(key("alice")), 0);
        Session changed = withUserId(minimalSession(key("alice")), "user-2");

        SaveResult result = store.save(changed, 1);

        assertThat(result).isEqualTo(new SaveResult.Saved(changed.withVersion(2)));
        assertThat(store.load(key("alice"))).contains(changed.withVersion(2));
    }

    @Test
    public void a_save_with_a_stale_version_conflicts_reports_what_is_stored_and_changes_nothing() {
        store.save(fullSession(key("alice")), 0);
        Session second = withUserId(fullSession(key("alice")), "user-2");
        store.save(second, 1);

        SaveResult result = store.save(withUserId(fullSession(key("alice")), "user-3"), 1);

        assertThat(result).isEqualTo(new SaveResult.Conflict(Optional.of(second.withVersion(2))));
        assertThat(store.load(key("alice"))).contains(second.withVersion(2));
    }

    @Test
    public void a_first_save_that_expects_an_existing_version_conflicts_with_nothing_stored() {
        SaveResult result = store.save(fullSession(key("alice")), 3);

        assertThat(result).isEqualTo(new SaveResult.Conflict(Optional.empty()));
        assertThat(store.load(key("alice"))).isEmpty();
    }

    @Test
    public void a_second_first_save_conflicts() {
        store.save(fullSession(key("alice")), 0);

        SaveResult result = store.save(minimalSession(key("alice")), 0);

        assertThat(result).isEqualTo(new SaveResult.Conflict(Optional.of(fullSession(key("alice")).withVersion(1))));
    }

    // --- delete and list -------------------------------------------------------------------------------------------

    @Test
    public void delete_needs_the_current_version_and_then_the_key_starts_over_at_version_1() {
        store.save(fullSession(key("alice")), 0);
        store.save(fullSession(key("alice")), 1);

        assertThat(store.delete(key("alice"), 1)).as("delete with a stale version").isFalse();
        assertThat(store.load(key("alice"))).isPresent();
        assertThat(store.delete(key("alice"), 2)).as("delete with the current version").isTrue();
        assertThat(store.load(key("alice"))).isEmpty();
        assertThat(store.delete(key("alice"), 2)).as("delete again").isFalse();
        assertThat(store.save(fullSession(key("alice")), 0))
                .isEqualTo(new SaveResult.Saved(fullSession(key("alice")).withVersion(1)));
    }

    @Test
    public void delete_of_an_unknown_key_is_false() {
        assertThat(store.delete(key("nobody"), 0)).isFalse();
        assertThat(store.delete(key("nobody"), 1)).isFalse();
    }

    @Test
    public void list_returns_every_stored_session_at_its_version() {
        store.save(fullSession(key("alice")), 0);
        store.save(minimalSession(key("bob")), 0);
        store.save(minimalSession(key("bob")), 1);
        store.save(fullSession(SessionKey.of("87654321", "alice")), 0);

        assertThat(store.list()).containsExactlyInAnyOrder(
                fullSession(key("alice")).withVersion(1),
                minimalSession(key("bob")).withVersion(2),
                fullSession(SessionKey.of("87654321", "alice")).withVersion(1));

        store.delete(key("bob"), 2);
        assertThat(store.list()).extracting(Session::key)
                .containsExactlyInAnyOrder(key("alice"), SessionKey.of("87654321", "alice"));
    }

    // --- isolation -------------------------------------------------------------------------------------------------

    @Test
    public void keys_that_differ_in_account_login_name_or_case_are_separate() {
        List<SessionKey> keys = List.of(key("alice"), key("Alice"), SessionKey.of("87654321", "alice"),
                key("alice "), key("../alice"), key("a/b\\c:d*e?f"), key("ålice 😀"), key("x".repeat(256)));
        for (SessionKey k : keys) {
            assertThat(store.save(fullSession(k), 0)).isInstanceOf(SaveResult.Saved.class);
        }

        for (SessionKey k : keys) {
            Session loaded = store.load(k).orElseThrow();
            assertThat(loaded.key()).isEqualTo(k);
            assertThat(loaded.bearer().reveal()).isEqualTo("bearer-value-" + k.loginName());
        }
        assertThat(store.delete(key("alice"), 1)).isTrue();
        assertThat(store.list()).hasSize(keys.size() - 1);
        assertThat(store.load(key("Alice"))).isPresent();
    }

    // --- leases ----------------------------------------------------------------------------------------------------

    @Test
    public void a_lease_is_exclusive_until_released() {
        Lease lease = store.tryLease(key("alice"), TTL).orElseThrow();

        assertThat(lease.expiresAt()).isEqualTo(START.plus(TTL));
        assertThat(store.tryLease(key("alice"), TTL)).as("while held").isEmpty();

        store.release(lease);

        Lease next = store.tryLease(key("alice"), TTL).orElseThrow();
        assertThat(next.token()).isNotEqualTo(lease.token());
    }

    @Test
    public void a_lease_lapses_by_the_clock_at_its_expiry() {
        Lease first = store.tryLease(key("alice"), TTL).orElseThrow();

        advanceClock(TTL.minusMillis(1));
        assertThat(store.tryLease(key("alice"), TTL)).as("1 ms before expiry").isEmpty();

        advanceClock(Duration.ofMillis(1));
        Lease second = store.tryLease(key("alice"), TTL).orElseThrow();
        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(second.expiresAt()).isEqualTo(START.plus(TTL).plus(TTL));
    }

    @Test
    public void releasing_a_lease_that_expired_and_was_taken_over_keeps_the_new_holder() {
        Lease stale = store.tryLease(key("alice"), TTL).orElseThrow();
        advanceClock(TTL.plusSeconds(1));
        Lease current = store.tryLease(key("alice"), TTL).orElseThrow();

        store.release(stale);

        assertThat(store.tryLease(key("alice"), TTL)).as("the new holder still holds it").isEmpty();
        store.release(current);
        assertThat(store.tryLease(key("alice"), TTL)).isPresent();
    }

    @Test
    public void leases_on_different_keys_are_independent() {
        assertThat(store.tryLease(key("alice"), TTL)).isPresent();
        assertThat(store.tryLease(key("bob"), TTL)).isPresent();
        assertThat(store.tryLease(SessionKey.of("87654321", "alice"), TTL)).isPresent();
    }

    @Test
    public void a_lease_does_not_block_load_or_save() {
        store.save(fullSession(key("alice")), 0);
        store.tryLease(key("alice"), TTL).orElseThrow();

        assertThat(store.load(key("alice"))).isPresent();
        assertThat(store.save(minimalSession(key("alice")), 1)).isInstanceOf(SaveResult.Saved.class);
    }

    @Test
    public void a_lease_ttl_must_be_positive() {
        assertThatIllegalArgumentException().isThrownBy(() -> store.tryLease(key("alice"), Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> store.tryLease(key("alice"), Duration.ofSeconds(-1)));
        Lease lease = store.tryLease(key("alice"), TTL).orElseThrow();
        assertThatIllegalArgumentException().isThrownBy(() -> store.renew(lease, Duration.ZERO));
    }

    // --- renewal ---------------------------------------------------------------------------------------------------

    @Test
    public void renewing_a_current_lease_moves_its_expiry_and_keeps_its_token_and_fence() {
        Lease lease = store.tryLease(key("alice"), TTL).orElseThrow();
        advanceClock(TTL.minusSeconds(1));

        Lease renewed = store.renew(lease, TTL).orElseThrow();

        assertThat(renewed).isEqualTo(lease.withExpiry(START.plus(TTL).minusSeconds(1).plus(TTL)));
        advanceClock(TTL.minusSeconds(1));
        assertThat(store.tryLease(key("alice"), TTL)).as("past the first expiry, renewed").isEmpty();
        assertThat(store.renew(renewed, TTL)).as("renewed again").isPresent();
    }

    @Test
    public void a_lease_renewed_while_its_holder_works_keeps_others_out_for_as_long_as_it_takes() {
        Lease lease = store.tryLease(key("alice"), TTL).orElseThrow();
        for (int i = 0; i < 10; i++) {
            advanceClock(TTL.dividedBy(3));
            lease = store.renew(lease, TTL).orElseThrow();
            assertThat(store.tryLease(key("alice"), TTL)).as("after %d renewals", i + 1).isEmpty();
        }
    }

    @Test
    public void an_expired_lease_cannot_be_renewed() {
        Lease lease = store.tryLease(key("alice"), TTL).orElseThrow();
        advanceClock(TTL);

        assertThat(store.renew(lease, TTL)).isEmpty();
        assertThat(store.tryLease(key("alice"), TTL)).as("still free for others").isPresent();
    }

    @Test
    public void a_released_lease_cannot_be_renewed() {
        Lease lease = store.tryLease(key("alice"), TTL).orElseThrow();
        store.release(lease);

        assertThat(store.renew(lease, TTL)).isEmpty();
        assertThat(store.tryLease(key("alice"), TTL)).isPresent();
    }

    @Test
    public void a_lease_taken_over_cannot_be_renewed_and_the_new_holder_keeps_it() {
        Lease stale = store.tryLease(key("alice"), TTL).orElseThrow();
        advanceClock(TTL.plusSeconds(1));
        Lease current = store.tryLease(key("alice"), TTL).orElseThrow();

        assertThat(store.renew(stale, TTL)).isEmpty();
        assertThat(store.renew(current, TTL)).isPresent();
        assertThat(store.tryLease(key("alice"), TTL)).isEmpty();
    }

    // --- fencing ---------------------------------------------------------------------------------------------------

    @Test
    public void every_grant_has_a_larger_fence_than_the_last_after_release_expiry_or_takeover() {
        Lease first = store.tryLease(key("alice"), TTL).orElseThrow();
        store.release(first);
        Lease second = store.tryLease(key("alice"), TTL).orElseThrow();
        advanceClock(TTL);
        Lease third = store.tryLease(key("alice"), TTL).orElseThrow();
        store.save(fullSession(key("alice")), 0, third);
        store.delete(key("alice"), 1);
        store.release(third);
        Lease fourth = store.tryLease(key("alice"), TTL).orElseThrow();

        assertThat(first.fence()).isPositive();
        assertThat(List.of(first.fence(), second.fence(), third.fence(), fourth.fence()))
                .as("fences in grant order").isSorted().doesNotHaveDuplicates();
    }

    @Test
    public void a_save_under_the_current_lease_is_a_compare_and_set() {
        Lease lease = store.tryLease(key("alice"), TTL).orElseThrow();
        Session session = fullSession(key("alice"));

        assertThat(store.save(session, 0, lease)).isEqualTo(new SaveResult.Saved(session.withVersion(1)));
        assertThat(store.save(minimalSession(key("alice")), 0, lease))
                .as("a stale version under the lease")
                .isEqualTo(new SaveResult.Conflict(Optional.of(session.withVersion(1))));
        assertThat(store.load(key("alice"))).contains(session.withVersion(1));
    }

    @Test
    public void a_save_under_a_lease_since_granted_to_another_holder_is_refused_and_changes_nothing() {
        Lease late = store.tryLease(key("alice"), TTL).orElseThrow();
        advanceClock(TTL.plusSeconds(1)); // the holder was paused past its lease
        Lease newer = store.tryLease(key("alice"), TTL).orElseThrow();
        Session theirs = withUserId(fullSession(key("alice")), "the-newer-login");
        store.save(theirs, 0, newer);

        SaveResult result = store.save(withUserId(fullSession(key("alice")), "the-late-login"), 1, late);

        assertThat(result).isEqualTo(new SaveResult.Fenced(Optional.of(theirs.withVersion(1))));
        assertThat(store.load(key("alice"))).contains(theirs.withVersion(1));
    }

    @Test
    public void a_late_save_is_refused_even_before_the_new_holder_saved_anything() {
        Lease late = store.tryLease(key("alice"), TTL).orElseThrow();
        advanceClock(TTL.plusSeconds(1));
        store.tryLease(key("alice"), TTL).orElseThrow();

        assertThat(store.save(fullSession(key("alice")), 0, late)).isEqualTo(new SaveResult.Fenced(Optional.empty()));
        assertThat(store.load(key("alice"))).isEmpty();
    }

    @Test
    public void a_late_save_is_refused_after_the_new_holder_released_its_lease() {
        Lease late = store.tryLease(key("alice"), TTL).orElseThrow();
        advanceClock(TTL.plusSeconds(1));
        store.release(store.tryLease(key("alice"), TTL).orElseThrow());

        assertThat(store.save(fullSession(key("alice")), 0, late)).isInstanceOf(SaveResult.Fenced.class);
    }

    @Test
    public void a_save_under_an_expired_lease_that_nobody_took_over_still_saves() {
        Lease lease = store.tryLease(key("alice"), TTL).orElseThrow();
        advanceClock(TTL.plusSeconds(1));

        assertThat(store.save(fullSession(key("alice")), 0, lease)).isInstanceOf(SaveResult.Saved.class);
    }

    @Test
    public void a_save_under_a_released_lease_that_nobody_took_over_still_saves() {
        Lease lease = store.tryLease(key("alice"), TTL).orElseThrow();
        store.release(lease);

        assertThat(store.save(fullSession(key("alice")), 0, lease)).isInstanceOf(SaveResult.Saved.class);
    }

    @Test
    public void an_unfenced_save_is_not_refused_by_leases() {
        store.tryLease(key("alice"), TTL).orElseThrow();
        advanceClock(TTL.plusSeconds(1));
        store.tryLease(key("alice"), TTL).orElseThrow();

        assertThat(store.save(fullSession(key("alice")), 0)).isInstanceOf(SaveResult.Saved.class);
    }

    @Test
    public void a_save_fenced_by_a_lease_on_another_key_is_rejected() {
        Lease bobs = store.tryLease(key("bob"), TTL).orElseThrow();

        assertThatIllegalArgumentException().isThrownBy(() -> store.save(fullSession(key("alice")), 0, bobs));
        assertThat(store.load(key("alice"))).isEmpty();
    }

    @Test
    public void fences_of_different_keys_do_not_interfere() {
        Lease alices = store.tryLease(key("alice"), TTL).orElseThrow();
        for (int i = 0; i < 3; i++) {
            store.release(store.tryLease(key("bob"), TTL).orElseThrow());
        }

        assertThat(store.save(fullSession(key("alice")), 0, alices)).isInstanceOf(SaveResult.Saved.class);
    }

    // --- concurrency -----------------------------------------------------------------------------------------------

    @Test
    public void many_threads_incrementing_one_key_lose_no_update() throws Exception {
        int threads = writerThreads();
        int writes = writesPerThread();
        SessionKey shared = key("shared");

        List<Integer> conflicts = runConcurrently(threads, () -> {
            int conflicted = 0;
            for (int done = 0; done < writes; ) {
                Optional<Session> current = store.load(shared);
                long version = current.map(Session::version).orElse(0L);
                int count = current.map(s -> Integer.parseInt(s.userId().substring("count-".length()))).orElse(0);
                SaveResult result = store.save(withUserId(minimalSession(shared), "count-" + (count + 1)), version);
                if (result instanceof SaveResult.Saved) {
                    done++;
                } else {
                    conflicted++;
                }
            }
            return conflicted;
        });

        Session last = store.load(shared).orElseThrow();
        assertThat(last.version()).as("version = number of successful saves").isEqualTo((long) threads * writes);
        assertThat(last.userId()).as("no increment was lost").isEqualTo("count-" + threads * writes);
        assertThat(conflicts).hasSize(threads);
    }

    @Test
    public void exactly_one_of_many_threads_racing_for_a_lease_gets_it() throws Exception {
        List<Optional<Lease>> grants = runConcurrently(writerThreads(), () -> store.tryLease(key("alice"), TTL));

        assertThat(grants).filteredOn(Optional::isPresent).hasSize(1);
    }

    // --- nulls -----------------------------------------------------------------------------------------------------

    @Test
    public void null_arguments_are_rejected() {
        assertThatNullPointerException().isThrownBy(() -> store.load(null));
        assertThatNullPointerException().isThrownBy(() -> store.save(null, 0));
        assertThatNullPointerException().isThrownBy(() -> store.delete(null, 0));
        assertThatNullPointerException().isThrownBy(() -> store.tryLease(null, TTL));
        assertThatNullPointerException().isThrownBy(() -> store.tryLease(key("alice"), null));
        assertThatNullPointerException().isThrownBy(() -> store.release(null));
        Lease lease = store.tryLease(key("alice"), TTL).orElseThrow();
        assertThatNullPointerException().isThrownBy(() -> store.save(null, 0, lease));
        assertThatNullPointerException().isThrownBy(() -> store.save(fullSession(key("alice")), 0, null));
        assertThatNullPointerException().isThrownBy(() -> store.renew(null, TTL));
        assertThatNullPointerException().isThrownBy(() -> store.renew(lease, null));
    }

    // --- fixtures, also handy for an implementation's own tests ----------------------------------------------------

    /** A key on account {@code 12345678}. */
    protected static SessionKey key(String loginName) {
        return SessionKey.of("12345678", loginName);
    }

    /** A session with every optional field set, two cookies, and secrets that name the login name. */
    protected static Session fullSession(SessionKey key) {
        return new Session(key, ServiceHost.of("va.agentvep.liveperson.net"),
                Secret.of("bearer-value-" + key.loginName()), Secret.of("csrf-value-" + key.loginName()),
                List.of(new SessionCookie("Session_id", Secret.of("cookie-value-" + key.loginName())),
                        new SessionCookie("LP_other", Secret.of("a value; with=odd \"chars\""))),
                "user-1", Optional.of("pid-1"), START, START.plusSeconds(60), Optional.of(Duration.ofHours(8)), 0);
    }

    /** A session with no cookies, no user pid and no max lifetime. */
    protected static Session minimalSession(SessionKey key) {
        return new Session(key, ServiceHost.of("127.0.0.1:8443"), Secret.of("b"), Secret.of("c"), List.of(),
                "user-1", Optional.empty(), START, START, Optional.empty(), 0);
    }

    /** {@code session} with another user id (a field the concurrency test uses as a counter). */
    protected static Session withUserId(Session session, String userId) {
        return new Session(session.key(), session.loginHost(), session.bearer(), session.csrf(), session.cookies(),
                userId, session.userPid(), session.issuedAt(), session.lastConfirmedAt(), session.maxLifetime(),
                session.version());
    }

    /** Runs {@code task} on {@code threads} threads released at once; returns their results, rethrowing failures. */
    private static <T> List<T> runConcurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
