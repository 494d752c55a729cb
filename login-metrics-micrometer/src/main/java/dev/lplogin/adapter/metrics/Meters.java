package dev.lplogin.adapter.metrics;

import dev.lplogin.domain.model.SessionKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import java.util.function.Supplier;

/**
 * Every meter lp-login records, in one place so that names, descriptions and tags stay consistent (docs/metrics.md).
 * Tag values come from fixed sets only. Thread-safe.
 */
final class Meters {

    static final String UPSTREAM = "lplogin.upstream.calls";
    static final String LOGINS_SENT = "lplogin.logins.sent";
    static final String STORE = "lplogin.store.operations";
    static final String EVENTS = "lplogin.session.events";
    static final String RELOGINS = "lplogin.relogins";
    static final String COMPETING = "lplogin.competing.logins";
    static final String WAITS = "lplogin.bearer.waits";
    static final String SESSIONS = "lplogin.sessions";
    static final String OLDEST = "lplogin.sessions.oldest.age";

    private final MeterRegistry registry;
    // Keys whose last refresh the service answered "gone": the next re-login of such a key was caused by a kill. At
    // most one entry per key the core manages; each is removed by that re-login.
    private final Set<SessionKey> gone = ConcurrentHashMap.newKeySet();

    Meters(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    MeterRegistry registry() {
        return registry;
    }

    /**
     * Runs {@code call} and hands {@code record} the name of its outcome ({@code outcome} of its result, or the
     * failure's, which is then rethrown) and the time it started: what every metered port call does around its
     * delegate.
     */
    static <T> T timed(Supplier<T> call, Function<? super T, String> outcome, ObjLongConsumer<String> record) {
        long start = System.nanoTime();
        T result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            record.accept(Outcomes.of(e), start);
            throw e;
        }
        record.accept(outcome.apply(result), start);
        return result;
    }

    /** A call of the Login Service or the Domain API that started at {@code startNanos}. */
    void upstream(String operation, String outcome, long startNanos) {
        Timer.builder(UPSTREAM)
                .description("Calls of LivePerson's Login Service and Domain API, as the core waits for them "
                        + "(retries included)")
                .tags("operation", operation, "outcome", outcome)
                .register(registry)
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    void loginSent(String outcome) {
        Counter.builder(LOGINS_SENT).description("Logins sent to the Login Service")
                .tags("outcome", outcome).register(registry).increment();
    }

    /** A call of the token store that started at {@code startNanos}. */
    void store(String operation, String outcome, long startNanos) {
        Timer.builder(STORE).description("Calls of the session store, by operation and outcome (leases included)")
                .tags("operation", operation, "outcome", outcome)
                .register(registry)
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    void event(String event) {
        Counter.builder(EVENTS).description("Session lifecycle events announced by the core")
                .tags("event", event).register(registry).increment();
    }

    void relogin(String reason) {
        Counter.builder(RELOGINS).description("Logins that replaced a session that had died, by reason")
                .tags("reason", reason).register(registry).increment();
    }

    void competingLogin() {
        Counter.builder(COMPETING).description("Warnings that fresh sessions keep being killed, most likely by "
                + "another process logging in as the same user").register(registry).increment();
    }

    /** A caller of {@code bearer()} that waited {@code waited} for a login or refresh. */
    void waited(java.time.Duration waited) {
        Timer.builder(WAITS).description("Callers of bearer() that found no usable session and waited for a login "
                + "or refresh, and how long").register(registry).record(waited);
    }

    void sessionGone(SessionKey key) {
        gone.add(key);
    }

    /** Whether the last refresh of {@code key} found it gone; forgets it. */
    boolean takeGone(SessionKey key) {
        return gone.remove(key);
    }
}
