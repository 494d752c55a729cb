package dev.lplogin.app.cli;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.SessionInfo;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.SessionEvent;
import dev.lplogin.domain.port.SessionListener;
import dev.lplogin.domain.usecase.LoginUseCase;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps every sink file holding its session's current bearer.
 *
 * <p>How it learns that the bearer changed: the core announces every login, re-login, pick-up of a stored session and
 * logout as a {@link SessionEvent}; on each, this re-reads the bearer through {@link LoginUseCase#bearer} and rewrites
 * the sink if it differs. Listeners run on the core's threads and must be quick (and calling back into the core from
 * inside a login could wait on that very login), so the work is handed to one thread of its own. A poll every few
 * seconds covers what no event announces, e.g. another process re-logging in through the shared store; a fresh
 * {@code bearer()} is a lock-free read, so the poll costs nothing upstream. The poll also writes again a sink that
 * was removed from outside.
 */
final class AgentSinks implements SessionListener {

    private static final Duration POLL = Duration.ofSeconds(2);

    private final Map<SessionKey, AgentTarget> targets;
    private final Output output;
    private final Clock clock;
    private final Map<SessionKey, Secret> written = new ConcurrentHashMap<>();
    private final AtomicReference<LoginUseCase> core = new AtomicReference<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lp-login-agent-sinks");
        thread.setDaemon(true);
        return thread;
    });

    AgentSinks(List<AgentTarget> targets, Output output, Clock clock) {
        Map<SessionKey, AgentTarget> byKey = new LinkedHashMap<>();
        targets.forEach(target -> byKey.put(target.key(), target));
        this.targets = Map.copyOf(byKey);
        this.output = output;
        this.clock = clock;
    }

    /** Starts keeping the sinks current with {@code loginCore}'s bearers (after the first {@link #update}s). */
    void start(LoginUseCase loginCore) {
        core.set(loginCore);
        worker.scheduleWithFixedDelay(this::updateAll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void onEvent(SessionEvent event) {
        if (targets.containsKey(event.key()) && core.get() != null && !worker.isShutdown()) {
            try {
                worker.execute(() -> update(event.key(), true));
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // the agent is stopping; the sinks are about to be removed
            }
        }
    }

    /**
     * Reads the bearer of {@code key} and rewrites its sinks if it changed ({@code always}: the JSON sink also when
     * only the session's state did). A session that cannot give a bearer empties its sinks, so that readers see
     * "none" rather than a dead bearer. Synchronized: the worker, the listener's invalidate handler and the start-up
     * all write sinks, and two rewrites of one file must not interleave their idea of what was written.
     */
    synchronized void update(SessionKey key, boolean always) {
        AgentTarget target = targets.get(key);
        LoginUseCase loginCore = core.get();
        if (target == null || loginCore == null || (target.sink().isEmpty() && target.jsonSink().isEmpty())) {
            return;
        }
        Optional<Secret> bearer = currentBearer(loginCore, key);
        Secret previous = written.get(key);
        boolean changed = bearer.map(b -> !b.equals(previous)).orElse(previous != null);
        // removed from outside (a clean-up script, a reboot of a tmpfs): written again at the next poll
        boolean sinkGone = target.sink().map(SinkFile::missing).orElse(false);
        boolean jsonGone = target.jsonSink().map(SinkFile::missing).orElse(false);
        if (!changed && !always && !sinkGone && !jsonGone) {
            return;
        }
        try {
            if (changed || sinkGone) {
                target.sink().ifPresent(sink -> sink.write(bearer.map(b -> b.reveal() + "\n").orElse("")));
            }
            Optional<SessionInfo> info = bearer.isPresent() ? safeSession(loginCore, key) : Optional.empty();
            target.jsonSink().ifPresent(sink -> sink.write(bearer.map(b -> json(b, info) + "\n").orElse("")));
            bearer.ifPresentOrElse(b -> written.put(key, b), () -> written.remove(key));
        } catch (UncheckedIOException e) {
            output.note(time() + "  " + key + "  cannot update the sink: " + e.getMessage());
        }
    }

    /** Every sink, if its bearer changed. */
    void updateAll() {
        targets.keySet().forEach(key -> update(key, false));
    }

    /**
     * Stops updating and removes every sink file this agent wrote (the bearer must not outlive the agent in a file);
     * a file another agent owns is never touched.
     */
    void stop() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        targets.values().forEach(target -> {
            target.sink().ifPresent(SinkFile::delete);
            target.jsonSink().ifPresent(SinkFile::delete);
        });
    }

    private static Optional<Secret> currentBearer(LoginUseCase loginCore, SessionKey key) {
        try {
            return Optional.of(loginCore.bearer(key));
        } catch (RuntimeException unavailable) {
            return Optional.empty();
        }
    }

    private static Optional<SessionInfo> safeSession(LoginUseCase loginCore, SessionKey key) {
        try {
            return loginCore.session(key);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String json(Secret bearer, Optional<SessionInfo> info) {
        Json.Obj obj = Json.object().put("bearer", bearer.reveal());
        info.ifPresent(i -> obj.put("account", i.key().account().value())
                .put("user", i.key().loginName())
                .put("userId", i.userId())
                .put("loginHost", i.loginHost().value())
                .put("issuedAt", i.issuedAt().truncatedTo(ChronoUnit.SECONDS))
                .put("state", i.freshness().name().toLowerCase(java.util.Locale.ROOT)));
        return obj.toString();
    }

    private String time() {
        return java.time.LocalTime.ofInstant(clock.instant(), java.time.ZoneId.systemDefault())
                .truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
