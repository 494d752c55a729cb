package dev.lplogin.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.adapter.storage.InMemoryTokenStore;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.AuthGateway;
import dev.lplogin.domain.port.CredentialsRejected;
import dev.lplogin.domain.port.DomainLookup;
import dev.lplogin.domain.port.Operation;
import dev.lplogin.domain.port.SessionEvent;
import dev.lplogin.domain.port.SessionGone;
import dev.lplogin.domain.port.SessionListener;
import dev.lplogin.domain.port.ServiceUnavailableException;
import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.domain.usecase.LoginCore;
import dev.lplogin.domain.usecase.LoginSettings;
import dev.lplogin.domain.usecase.LoginUseCase;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The meters, as a real core records them through the decorated ports, read back from a SimpleMeterRegistry. */
class LoginMetricsTest {

    private static final AccountId ACCOUNT = AccountId.of("12345678");
    private static final Credentials CREDENTIALS = new Credentials.UserPassword("bob", Secret.of("pw"));
    private static final SessionKey KEY = new SessionKey(ACCOUNT, "bob");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LoginMetrics metrics = LoginMetrics.of(registry);
    private final ScriptedGateway gateway = new ScriptedGateway();
    private final List<SessionEvent> passedOn = new ArrayList<>();
    private LoginUseCase core;

    private LoginUseCase core() {
        // the three lines of the README
        core = LoginCore.create(metrics.domainLookup(gateway), metrics.authGateway(gateway),
                metrics.tokenStore(new InMemoryTokenStore(Clock.systemUTC())),
                metrics.listener(passedOn::add), LoginSettings.builder().keepAlive(false).build());
        metrics.watch(core);
        return core;
    }

    @AfterEach
    void close() {
        if (core != null) {
            core.close();
        }
    }

    @Test
    void a_login_is_timed_counted_announced_and_shows_in_the_session_gauges() {
        core().login(ACCOUNT, CREDENTIALS);

        assertThat(timerCount("lplogin.upstream.calls", "operation", "login", "outcome", "success")).isEqualTo(1);
        assertThat(timerCount("lplogin.upstream.calls", "operation", "domain_lookup", "outcome", "success"))
                .isEqualTo(1);
        assertThat(counter("lplogin.logins.sent", "outcome", "success")).isEqualTo(1);
        assertThat(counter("lplogin.session.events", "event", "logged_in")).isEqualTo(1);
        // the login ran under the key's lease, so its save was fenced by it (TokenStore port v2)
        assertThat(timerCount("lplogin.store.operations", "operation", "fenced_save", "outcome", "saved"))
                .isEqualTo(1);
        assertThat(timerCount("lplogin.store.operations", "operation", "lease", "outcome", "granted"))
                .isGreaterThanOrEqualTo(1);
        assertThat(registry.get("lplogin.sessions").tag("state", "fresh").gauge().value()).isEqualTo(1);
        assertThat(registry.get("lplogin.sessions").tag("state", "stale").gauge().value()).isZero();
        assertThat(registry.get("lplogin.sessions.oldest.age").timeGauge().value()).isBetween(0.0, 60.0);
        assertThat(passedOn).singleElement().isInstanceOf(SessionEvent.LoggedIn.class);
    }

    @Test
    void a_fresh_bearer_passes_through_no_meter() {
        core().login(ACCOUNT, CREDENTIALS);
        String before = snapshot();

        for (int i = 0; i < 10_000; i++) {
            core.bearer(KEY);
        }

        assertThat(snapshot()).as("the hot path calls no port and no listener, so no meter moves").isEqualTo(before);
    }

    /** Every timer's and counter's count, by id. */
    private String snapshot() {
        StringBuilder all = new StringBuilder();
        registry.getMeters().stream().sorted(java.util.Comparator.comparing(m -> m.getId().toString()))
                .forEach(m -> {
                    if (m instanceof io.micrometer.core.instrument.Timer t) {
                        all.append(m.getId()).append('=').append(t.count()).append('\n');
                    } else if (m instanceof io.micrometer.core.instrument.Counter c) {
                        all.append(m.getId()).append('=').append(c.count()).append('\n');
                    }
                });
        return all.toString();
    }

    @Test
    void a_refresh_that_finds_the_session_killed_counts_a_relogin_with_reason_session_gone() {
        core().login(ACCOUNT, CREDENTIALS);
        gateway.refreshes.add(session -> new SessionGone(false));

        core.refresh(KEY);

        assertThat(timerCount("lplogin.upstream.calls", "operation", "refresh", "outcome", "session_gone"))
                .isEqualTo(1);
        assertThat(counter("lplogin.relogins", "reason", "session_gone")).isEqualTo(1);
        assertThat(counter("lplogin.logins.sent", "outcome", "success")).isEqualTo(2);
        assertThat(counter("lplogin.session.events", "event", "relogin")).isEqualTo(1);
    }

    @Test
    void a_reported_bearer_counts_a_relogin_with_reason_expired() {
        core().login(ACCOUNT, CREDENTIALS);
        Secret first = core.bearer(KEY);

        core.invalidate(KEY, first);
        core.bearer(KEY);

        assertThat(counter("lplogin.relogins", "reason", "expired")).isEqualTo(1);
        assertThat(registry.find("lplogin.relogins").tag("reason", "session_gone").counter()).isNull();
        assertThat(registry.get("lplogin.bearer.waits").timer().count()).as("the caller waited for the re-login")
                .isEqualTo(1);
    }

    @Test
    void rejected_logins_and_failed_lookups_are_tagged_by_outcome_without_names_or_hosts() {
        gateway.logins.add(new CredentialsRejected("bad password"));
        core().login(ACCOUNT, CREDENTIALS);
        gateway.lookupFailure = new ServiceUnavailableException(Operation.DOMAIN_LOOKUP, "down");
        assertThatThrownBy(() -> core.login(ACCOUNT, CREDENTIALS)).isInstanceOf(ServiceUnavailableException.class);

        assertThat(counter("lplogin.logins.sent", "outcome", "rejected")).isEqualTo(1);
        assertThat(timerCount("lplogin.upstream.calls", "operation", "domain_lookup", "outcome", "unavailable"))
                .isEqualTo(1);
        for (Meter meter : registry.getMeters()) {
            assertThat(meter.getId().getName()).startsWith("lplogin.");
            assertThat(meter.getId().getTags()).allSatisfy(tag -> assertThat(tag.getValue())
                    .doesNotContain("12345678").doesNotContain("bob").doesNotContain("example"));
        }
    }

    @Test
    void the_listener_counts_competing_logins_and_passes_every_event_on() {
        SessionListener listener = metrics.listener(passedOn::add);
        Instant now = Instant.now();

        listener.onEvent(new SessionEvent.CompetingLogin(KEY, now, 3, "share a store"));
        listener.onEvent(new SessionEvent.RefreshFailed(KEY, now, "timeout"));
        listener.onEvent(new SessionEvent.GaveUp(KEY, now, "blocked"));

        assertThat(counter("lplogin.competing.logins")).isEqualTo(1);
        assertThat(counter("lplogin.session.events", "event", "refresh_failed")).isEqualTo(1);
        assertThat(counter("lplogin.session.events", "event", "gave_up")).isEqualTo(1);
        assertThat(passedOn).hasSize(3);
    }

    @Test
    void the_store_decorator_tags_hits_misses_conflicts_and_busy_leases() {
        TokenStore store = metrics.tokenStore(new InMemoryTokenStore(Clock.systemUTC()));

        assertThat(store.load(KEY)).isEmpty();
        store.save(ScriptedGateway.session(KEY, "b1"), 0);
        assertThat(store.load(KEY)).isPresent();
        store.save(ScriptedGateway.session(KEY, "b2"), 0); // stale version: conflict
        var lease = store.tryLease(KEY, java.time.Duration.ofSeconds(10));
        assertThat(store.tryLease(KEY, java.time.Duration.ofSeconds(10))).isEmpty();
        store.release(lease.orElseThrow());

        assertThat(timerCount("lplogin.store.operations", "operation", "load", "outcome", "miss")).isEqualTo(1);
        assertThat(timerCount("lplogin.store.operations", "operation", "load", "outcome", "hit")).isEqualTo(1);
        assertThat(timerCount("lplogin.store.operations", "operation", "save", "outcome", "saved")).isEqualTo(1);
        assertThat(timerCount("lplogin.store.operations", "operation", "save", "outcome", "conflict")).isEqualTo(1);
        assertThat(timerCount("lplogin.store.operations", "operation", "lease", "outcome", "granted")).isEqualTo(1);
        assertThat(timerCount("lplogin.store.operations", "operation", "lease", "outcome", "busy")).isEqualTo(1);
        assertThat(timerCount("lplogin.store.operations", "operation", "release", "outcome", "success"))
                .isEqualTo(1);
    }

    @Test
    void the_store_decorator_tags_renewals_and_fenced_saves_after_a_takeover() {
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(
                Instant.parse("2026-03-01T09:00:00Z"));
        TokenStore store = metrics.tokenStore(new InMemoryTokenStore(now::get));
        java.time.Duration ttl = java.time.Duration.ofSeconds(10);
        var first = store.tryLease(KEY, ttl).orElseThrow();
        var renewed = store.renew(first, ttl).orElseThrow();
        now.set(now.get().plusSeconds(11)); // the holder stalls past its lease; another process takes over
        var second = store.tryLease(KEY, ttl).orElseThrow();

        assertThat(store.renew(renewed, ttl)).isEmpty();
        assertThat(store.save(ScriptedGateway.session(KEY, "late"), 0, renewed))
                .isInstanceOf(dev.lplogin.domain.port.SaveResult.Fenced.class);
        assertThat(store.save(ScriptedGateway.session(KEY, "current"), 0, second))
                .isInstanceOf(dev.lplogin.domain.port.SaveResult.Saved.class);

        assertThat(timerCount("lplogin.store.operations", "operation", "renew", "outcome", "renewed")).isEqualTo(1);
        assertThat(timerCount("lplogin.store.operations", "operation", "renew", "outcome", "lost")).isEqualTo(1);
        assertThat(timerCount("lplogin.store.operations", "operation", "fenced_save", "outcome", "fenced"))
                .isEqualTo(1);
        assertThat(timerCount("lplogin.store.operations", "operation", "fenced_save", "outcome", "saved"))
                .isEqualTo(1);
    }

    @Test
    void decorators_only_delegate() {
        AuthGateway authGateway = metrics.authGateway(gateway);
        DomainLookup lookup = metrics.domainLookup(gateway);

        assertThat(lookup.lookup(ACCOUNT, dev.lplogin.domain.model.ServiceName.LOGIN))
                .isEqualTo(ScriptedGateway.HOST);
        assertThat(authGateway.login(ACCOUNT, ScriptedGateway.HOST, CREDENTIALS))
                .isInstanceOf(dev.lplogin.domain.port.LoggedIn.class);
        assertThat(Optional.ofNullable(registry.find("lplogin.sessions").gauge())).as("no gauges before watch()")
                .isEmpty();
    }

    private long timerCount(String name, String... tags) {
        var timer = registry.find(name).tags(tags).timer();
        assertThat(timer).as(name + " " + String.join(",", tags)).isNotNull();
        return timer.count();
    }

    private double counter(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        assertThat(counter).as(name + " " + String.join(",", tags)).isNotNull();
        return counter.count();
    }
}
