package dev.lplogin.adapter.metrics;

import dev.lplogin.domain.model.Freshness;
import dev.lplogin.domain.model.SessionInfo;
import dev.lplogin.domain.port.AuthGateway;
import dev.lplogin.domain.port.DomainLookup;
import dev.lplogin.domain.port.SessionListener;
import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.domain.usecase.LoginUseCase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Metrics for a lp-login core, recorded in any Micrometer {@link MeterRegistry}: wrap the driven ports and the
 * listener before building the core, then let it watch the core for the session gauges.
 *
 * <pre>{@code
 * LoginMetrics metrics = LoginMetrics.of(registry);
 * LoginUseCase core = LoginCore.create(metrics.domainLookup(lookup), metrics.authGateway(gateway),
 *         metrics.tokenStore(store), metrics.listener(SessionListener.NONE), settings);
 * metrics.watch(core);
 * }</pre>
 *
 * <p>Nothing here touches {@link LoginUseCase#bearer}: a fresh bearer is still a lock-free read of memory. The meters
 * are recorded where the core calls a port or announces an event, which is where the time goes anyway. The meters
 * and their tags are listed in docs/metrics.md.
 */
public final class LoginMetrics {

    private static final Duration SNAPSHOT_TTL = Duration.ofSeconds(1);

    private final Meters meters;
    private final Clock clock;

    private LoginMetrics(MeterRegistry registry, Clock clock) {
        this.meters = new Meters(registry);
        this.clock = clock;
    }

    /** Metrics recorded in {@code registry}; session ages by the system clock. */
    public static LoginMetrics of(MeterRegistry registry) {
        return of(registry, Clock.systemUTC());
    }

    /** Metrics recorded in {@code registry}; session ages by {@code clock} (use the core's). */
    public static LoginMetrics of(MeterRegistry registry, Clock clock) {
        return new LoginMetrics(Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(clock, "clock"));
    }

    /** {@code gateway}, timed. */
    public AuthGateway authGateway(AuthGateway gateway) {
        return new MeteredAuthGateway(gateway, meters);
    }

    /** {@code lookup}, timed. */
    public DomainLookup domainLookup(DomainLookup lookup) {
        return new MeteredDomainLookup(lookup, meters);
    }

    /** {@code store}, timed. */
    public TokenStore tokenStore(TokenStore store) {
        return new MeteredTokenStore(store, meters);
    }

    /** A listener that counts every event and then hands it to {@code next}. */
    public SessionListener listener(SessionListener next) {
        return new MeteredSessionListener(next, meters);
    }

    /**
     * Registers the gauges that read {@code core}: {@code lplogin.sessions} by state and
     * {@code lplogin.sessions.oldest.age}. They call {@link LoginUseCase#sessions} (which lists the store) at most once
     * a second, however often the registry is scraped.
     */
    public void watch(LoginUseCase core) {
        Objects.requireNonNull(core, "core");
        Snapshots snapshots = new Snapshots(core, clock);
        MeterRegistry registry = meters.registry();
        for (Freshness state : Freshness.values()) {
            Gauge.builder(Meters.SESSIONS, snapshots, s -> s.get().count(state))
                    .description("Sessions the core knows (held or stored), by state")
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        TimeGauge.builder(Meters.OLDEST, snapshots, TimeUnit.SECONDS, s -> s.get().oldestSeconds())
                .description("Age of the oldest session the core knows (time since its login)")
                .register(registry);
    }

    /** The sessions as last seen, re-read when older than {@link #SNAPSHOT_TTL}. */
    private static final class Snapshots {
        private final LoginUseCase core;
        private final Clock clock;
        private final AtomicReference<Snapshot> last = new AtomicReference<>();

        Snapshots(LoginUseCase core, Clock clock) {
            this.core = core;
            this.clock = clock;
        }

        Snapshot get() {
            Instant now = clock.instant();
            Snapshot current = last.get();
            if (current == null || current.takenAt().plus(SNAPSHOT_TTL).isBefore(now)) {
                current = Snapshot.of(read(), now);
                last.set(current);
            }
            return current;
        }

        private List<SessionInfo> read() {
            try {
                return core.sessions();
            } catch (RuntimeException closedOrUnreadable) {
                return List.of(); // a closed core or an unreadable store has no sessions to show
            }
        }
    }

    private record Snapshot(Instant takenAt, Map<Freshness, Integer> counts, double oldestSeconds) {
        static Snapshot of(List<SessionInfo> sessions, Instant now) {
            Map<Freshness, Integer> counts = new EnumMap<>(Freshness.class);
            double oldest = 0;
            for (SessionInfo info : sessions) {
                counts.merge(info.freshness(), 1, Integer::sum);
                oldest = Math.max(oldest, Duration.between(info.issuedAt(), now).toMillis() / 1000.0);
            }
            return new Snapshot(now, counts, oldest);
        }

        double count(Freshness state) {
            return counts.getOrDefault(state, 0);
        }
    }
}
