package dev.lplogin.domain.usecase;

import dev.lplogin.domain.port.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * How the session lifecycle behaves. {@link #defaults()} follows spec §3.2–3.5; every value can be changed with a
 * {@code with…} method, which is how tests run the lifecycle in simulated minutes.
 *
 * @param refreshInterval       how long a confirmation keeps a session fresh; default 4 minutes (spec §3.2)
 * @param jitter                spread of keep-alive refreshes as a fraction of the interval, 0–0.5; default 0.10
 * @param idleTimeout           after how long without confirmation the service is assumed to have dropped a session;
 *                              default 30 minutes (spec §3.5)
 * @param backoffInitial        first long-interval retry after repeated login failures; default 2 minutes (§3.4)
 * @param backoffMax            cap of the doubling long-interval retry; default 32 minutes
 * @param failuresBeforeBackoff consecutive failed logins before switching to the long interval; default 3 (§3.4)
 * @param keepAlive             whether sessions are refreshed in the background; default on
 * @param logoutOnClose         whether {@link LoginUseCase#close()} logs sessions out; default on
 * @param closeTimeout          how long {@code close()} may spend logging out; default 10 seconds
 * @param leaseTtl              how long a store lease around login/refresh lasts; default 30 seconds
 * @param clock                 the time source; default the system UTC clock
 * @param scheduler             runs timed work; empty means one daemon scheduler thread created by the core
 * @param executor              runs network work (login, refresh, logout, store I/O) so that neither the scheduler
 *                              thread nor a caller of a stale bearer waits for it; empty means a virtual thread per
 *                              task, created and shut down by the core. One passed in is not shut down by the core;
 *                              a direct executor ({@code Runnable::run}) makes callers run that work themselves
 *
 * <p>Immutable and thread-safe. The canonical constructor rejects nulls and inconsistent values with an
 * {@link IllegalArgumentException} that names the setting.
 */
public record LoginSettings(
        Duration refreshInterval,
        double jitter,
        Duration idleTimeout,
        Duration backoffInitial,
        Duration backoffMax,
        int failuresBeforeBackoff,
        boolean keepAlive,
        boolean logoutOnClose,
        Duration closeTimeout,
        Duration leaseTtl,
        Clock clock,
        Optional<Scheduler> scheduler,
        Optional<Executor> executor) {

    public LoginSettings {
        positive(refreshInterval, "refresh interval");
        positive(idleTimeout, "idle timeout");
        positive(backoffInitial, "back-off initial interval");
        positive(backoffMax, "back-off maximum");
        positive(closeTimeout, "close timeout");
        positive(leaseTtl, "lease ttl");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(scheduler, "scheduler (use Optional.empty())");
        Objects.requireNonNull(executor, "executor (use Optional.empty())");
        if (!(jitter >= 0 && jitter <= 0.5)) {
            throw new IllegalArgumentException("jitter must be between 0 and 0.5, got " + jitter);
        }
        if (refreshInterval.compareTo(idleTimeout) >= 0) {
            throw new IllegalArgumentException("refresh interval (" + refreshInterval
                    + ") must be shorter than the idle timeout (" + idleTimeout + ")");
        }
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("back-off maximum must be at least the initial interval");
        }
        if (failuresBeforeBackoff < 0) {
            throw new IllegalArgumentException("failures before back-off must be >= 0");
        }
    }

    /** The settings without an own network executor (the core then uses virtual threads). */
    public LoginSettings(Duration refreshInterval, double jitter, Duration idleTimeout, Duration backoffInitial,
            Duration backoffMax, int failuresBeforeBackoff, boolean keepAlive, boolean logoutOnClose,
            Duration closeTimeout, Duration leaseTtl, Clock clock, Optional<Scheduler> scheduler) {
        this(refreshInterval, jitter, idleTimeout, backoffInitial, backoffMax, failuresBeforeBackoff, keepAlive,
                logoutOnClose, closeTimeout, leaseTtl, clock, scheduler, Optional.empty());
    }

    /** The documented defaults. */
    public static LoginSettings defaults() {
        return new LoginSettings(Duration.ofMinutes(4), 0.10, Duration.ofMinutes(30), Duration.ofMinutes(2),
                Duration.ofMinutes(32), 3, true, true, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Clock.systemUTC(), Optional.empty(), Optional.empty());
    }

    public LoginSettings withRefreshInterval(Duration value) {
        return new LoginSettings(value, jitter, idleTimeout, backoffInitial, backoffMax, failuresBeforeBackoff,
                keepAlive, logoutOnClose, closeTimeout, leaseTtl, clock, scheduler, executor);
    }

    public LoginSettings withJitter(double value) {
        return new LoginSettings(refreshInterval, value, idleTimeout, backoffInitial, backoffMax,
                failuresBeforeBackoff, keepAlive, logoutOnClose, closeTimeout, leaseTtl, clock, scheduler, executor);
    }

    public LoginSettings withIdleTimeout(Duration value) {
        return new LoginSettings(refreshInterval, jitter, value, backoffInitial, backoffMax, failuresBeforeBackoff,
                keepAlive, logoutOnClose, closeTimeout, leaseTtl, clock, scheduler, executor);
    }

    public LoginSettings withBackoff(Duration initial, Duration max, int failuresBefore) {
        return new LoginSettings(refreshInterval, jitter, idleTimeout, initial, max, failuresBefore, keepAlive,
                logoutOnClose, closeTimeout, leaseTtl, clock, scheduler, executor);
    }

    public LoginSettings withKeepAlive(boolean value) {
        return new LoginSettings(refreshInterval, jitter, idleTimeout, backoffInitial, backoffMax,
                failuresBeforeBackoff, value, logoutOnClose, closeTimeout, leaseTtl, clock, scheduler, executor);
    }

    public LoginSettings withLogoutOnClose(boolean value) {
        return new LoginSettings(refreshInterval, jitter, idleTimeout, backoffInitial, backoffMax,
                failuresBeforeBackoff, keepAlive, value, closeTimeout, leaseTtl, clock, scheduler, executor);
    }

    public LoginSettings withCloseTimeout(Duration value) {
        return new LoginSettings(refreshInterval, jitter, idleTimeout, backoffInitial, backoffMax,
                failuresBeforeBackoff, keepAlive, logoutOnClose, value, leaseTtl, clock, scheduler, executor);
    }

    public LoginSettings withLeaseTtl(Duration value) {
        return new LoginSettings(refreshInterval, jitter, idleTimeout, backoffInitial, backoffMax,
                failuresBeforeBackoff, keepAlive, logoutOnClose, closeTimeout, value, clock, scheduler, executor);
    }

    public LoginSettings withClock(Clock value) {
        return new LoginSettings(refreshInterval, jitter, idleTimeout, backoffInitial, backoffMax,
                failuresBeforeBackoff, keepAlive, logoutOnClose, closeTimeout, leaseTtl, value, scheduler, executor);
    }

    public LoginSettings withScheduler(Scheduler value) {
        return new LoginSettings(refreshInterval, jitter, idleTimeout, backoffInitial, backoffMax,
                failuresBeforeBackoff, keepAlive, logoutOnClose, closeTimeout, leaseTtl, clock,
                Optional.of(value), executor);
    }

    /** Runs network work on {@code value} (tests pass a direct executor; products may pass their own pool). */
    public LoginSettings withExecutor(Executor value) {
        return new LoginSettings(refreshInterval, jitter, idleTimeout, backoffInitial, backoffMax,
                failuresBeforeBackoff, keepAlive, logoutOnClose, closeTimeout, leaseTtl, clock, scheduler,
                Optional.of(value));
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
    }
}
