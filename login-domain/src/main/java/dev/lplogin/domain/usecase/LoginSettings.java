package dev.lplogin.domain.usecase;

import dev.lplogin.domain.port.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * How the session lifecycle behaves. Built with {@link #builder()}; {@link #defaults()} is {@code builder().build()}
 * and follows spec §3.2–3.5. Tests use the builder to run the lifecycle on a fake clock and a manual scheduler:
 *
 * <pre>{@code
 * LoginSettings settings = LoginSettings.builder()
 *         .refreshInterval(Duration.ofMinutes(2))
 *         .logoutOnClose(false)
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; compares by value. Every builder method rejects a null with a
 * {@link NullPointerException} and an out-of-range value with an {@link IllegalArgumentException}, both naming the
 * setting; {@link Builder#build()} also rejects settings that contradict each other.
 */
public final class LoginSettings {

    /** The default {@link Builder#refreshInterval refresh interval}: 4 minutes (spec §3.2). */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMinutes(4);
    /** The default {@link Builder#backgroundConcurrency background concurrency}: 16 (see there why). */
    public static final int DEFAULT_BACKGROUND_CONCURRENCY = 16;

    private final Duration refreshInterval;
    private final double jitter;
    private final Duration idleTimeout;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final int failuresBeforeBackoff;
    private final boolean keepAlive;
    private final boolean logoutOnClose;
    private final Duration closeTimeout;
    private final Duration leaseTtl;
    private final int backgroundConcurrency;
    private final Clock clock;
    private final Optional<Scheduler> scheduler;
    private final Optional<Executor> executor;

    private LoginSettings(Builder b) {
        this.refreshInterval = b.refreshInterval;
        this.jitter = b.jitter;
        this.idleTimeout = b.idleTimeout;
        this.backoffInitial = b.backoffInitial;
        this.backoffMax = b.backoffMax;
        this.failuresBeforeBackoff = b.failuresBeforeBackoff;
        this.keepAlive = b.keepAlive;
        this.logoutOnClose = b.logoutOnClose;
        this.closeTimeout = b.closeTimeout;
        this.leaseTtl = b.leaseTtl;
        this.backgroundConcurrency = b.backgroundConcurrency;
        this.clock = b.clock;
        this.scheduler = Optional.ofNullable(b.scheduler);
        this.executor = Optional.ofNullable(b.executor);
    }

    /** A builder holding the documented defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The documented defaults: {@code builder().build()}. */
    public static LoginSettings defaults() {
        return builder().build();
    }

    /** A builder holding these settings, to derive changed ones. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.refreshInterval = refreshInterval;
        b.jitter = jitter;
        b.idleTimeout = idleTimeout;
        b.backoffInitial = backoffInitial;
        b.backoffMax = backoffMax;
        b.failuresBeforeBackoff = failuresBeforeBackoff;
        b.keepAlive = keepAlive;
        b.logoutOnClose = logoutOnClose;
        b.closeTimeout = closeTimeout;
        b.leaseTtl = leaseTtl;
        b.backgroundConcurrency = backgroundConcurrency;
        b.clock = clock;
        b.scheduler = scheduler.orElse(null);
        b.executor = executor.orElse(null);
        return b;
    }

    /** See {@link Builder#refreshInterval}. */
    public Duration refreshInterval() {
        return refreshInterval;
    }

    /** See {@link Builder#jitter}. */
    public double jitter() {
        return jitter;
    }

    /** See {@link Builder#idleTimeout}. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** See {@link Builder#backoff}. */
    public Duration backoffInitial() {
        return backoffInitial;
    }

    /** See {@link Builder#backoff}. */
    public Duration backoffMax() {
        return backoffMax;
    }

    /** See {@link Builder#backoff}. */
    public int failuresBeforeBackoff() {
        return failuresBeforeBackoff;
    }

    /** See {@link Builder#keepAlive}. */
    public boolean keepAlive() {
        return keepAlive;
    }

    /** See {@link Builder#logoutOnClose}. */
    public boolean logoutOnClose() {
        return logoutOnClose;
    }

    /** See {@link Builder#closeTimeout}. */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /** See {@link Builder#leaseTtl}. */
    public Duration leaseTtl() {
        return leaseTtl;
    }

    /** See {@link Builder#backgroundConcurrency}. */
    public int backgroundConcurrency() {
        return backgroundConcurrency;
    }

    /** See {@link Builder#clock}. */
    public Clock clock() {
        return clock;
    }

    /** The scheduler passed to {@link Builder#scheduler}; empty: the core creates its own thread. */
    public Optional<Scheduler> scheduler() {
        return scheduler;
    }

    /** The executor passed to {@link Builder#executor}; empty: the core creates its own. */
    public Optional<Executor> executor() {
        return executor;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoginSettings s
                && refreshInterval.equals(s.refreshInterval) && Double.compare(jitter, s.jitter) == 0
                && idleTimeout.equals(s.idleTimeout) && backoffInitial.equals(s.backoffInitial)
                && backoffMax.equals(s.backoffMax) && failuresBeforeBackoff == s.failuresBeforeBackoff
                && keepAlive == s.keepAlive && logoutOnClose == s.logoutOnClose
                && closeTimeout.equals(s.closeTimeout) && leaseTtl.equals(s.leaseTtl)
                && backgroundConcurrency == s.backgroundConcurrency && clock.equals(s.clock)
                && scheduler.equals(s.scheduler) && executor.equals(s.executor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(refreshInterval, jitter, idleTimeout, backoffInitial, backoffMax, failuresBeforeBackoff,
                keepAlive, logoutOnClose, closeTimeout, leaseTtl, backgroundConcurrency, clock, scheduler, executor);
    }

    @Override
    public String toString() {
        return "LoginSettings[refreshInterval=" + refreshInterval + ", jitter=" + jitter + ", idleTimeout="
                + idleTimeout + ", backoff=" + backoffInitial + ".." + backoffMax + " after "
                + failuresBeforeBackoff + " failures, keepAlive=" + keepAlive + ", logoutOnClose=" + logoutOnClose
                + ", closeTimeout=" + closeTimeout + ", leaseTtl=" + leaseTtl + ", backgroundConcurrency="
                + backgroundConcurrency + ", own scheduler=" + scheduler.isPresent() + ", own executor="
                + executor.isPresent() + "]";
    }

    /**
     * Collects settings; starts from the defaults. Not thread-safe; {@link #build()} may be called more than once.
     */
    public static final class Builder {

        private Duration refreshInterval = DEFAULT_REFRESH_INTERVAL;
        private double jitter = 0.10;
        private Duration idleTimeout = Duration.ofMinutes(30);
        private Duration backoffInitial = Duration.ofMinutes(2);
        private Duration backoffMax = Duration.ofMinutes(32);
        private int failuresBeforeBackoff = 3;
        private boolean keepAlive = true;
        private boolean logoutOnClose = true;
        private Duration closeTimeout = Duration.ofSeconds(10);
        private Duration leaseTtl = Duration.ofSeconds(30);
        private int backgroundConcurrency = DEFAULT_BACKGROUND_CONCURRENCY;
        private Clock clock = Clock.systemUTC();
        private Scheduler scheduler;
        private Executor executor;

        private Builder() {
        }

        /**
         * How long a confirmation (login or refresh) keeps a session fresh; after it, the session is stale and gets
         * refreshed. Default 4 minutes (spec §3.2). Must be shorter than the {@link #idleTimeout}.
         */
        public Builder refreshInterval(Duration value) {
            refreshInterval = positive(value, "refresh interval");
            return this;
        }

        /**
         * Random spread, as a fraction 0–0.5, added to back-off waits and retries after failures so that many
         * clients do not retry together. Default 0.10. (Keep-alive refreshes are spread over the whole refresh
         * interval regardless of this value.)
         */
        public Builder jitter(double value) {
            if (!(value >= 0 && value <= 0.5)) {
                throw new IllegalArgumentException("jitter must be between 0 and 0.5, got " + value);
            }
            jitter = value;
            return this;
        }

        /**
         * After how long without confirmation the service is assumed to have dropped a session: its hard deadline.
         * A session is never handed out past it (nor past its maximum lifetime). Default 30 minutes (spec §3.5).
         */
        public Builder idleTimeout(Duration value) {
            idleTimeout = positive(value, "idle timeout");
            return this;
        }

        /**
         * LivePerson's long-interval retry (spec §3.4): after {@code failuresBefore} consecutive failed logins (0 or
         * more; default 3) wait {@code initial} (default 2 minutes), doubling up to {@code max} (default 32 minutes).
         */
        public Builder backoff(Duration initial, Duration max, int failuresBefore) {
            positive(initial, "back-off initial interval");
            positive(max, "back-off maximum");
            if (failuresBefore < 0) {
                throw new IllegalArgumentException("failures before back-off must be >= 0");
            }
            backoffInitial = initial;
            backoffMax = max;
            failuresBeforeBackoff = failuresBefore;
            return this;
        }

        /** Whether sessions are refreshed (and failed logins retried) in the background. Default on. */
        public Builder keepAlive(boolean value) {
            keepAlive = value;
            return this;
        }

        /** Whether {@link LoginUseCase#close()} logs the sessions out. Default on. */
        public Builder logoutOnClose(boolean value) {
            logoutOnClose = value;
            return this;
        }

        /** How long {@link LoginUseCase#close()} may spend logging out. Default 10 seconds. */
        public Builder closeTimeout(Duration value) {
            closeTimeout = positive(value, "close timeout");
            return this;
        }

        /**
         * How long a store lease around a login or refresh lasts; its holder renews it while it works, so this only
         * bounds how long others wait for a holder that vanished. Default 30 seconds.
         */
        public Builder leaseTtl(Duration value) {
            leaseTtl = positive(value, "lease ttl");
            return this;
        }

        /**
         * How many background steps (keep-alive refreshes, background re-logins and retries, the refresh a stale
         * read starts) may run at once; more wait in line, first come first served. A caller who must wait for a
         * login is never held back by it: its flight runs outside the limit (and a step of its key waiting in line
         * is run at once). Default 16: 10,000
         * sessions refreshed every 4 minutes need about 42 refreshes a second, which 16 at a time carry with a
         * round trip of up to 380 ms, while 16 connections stay far below what makes a service (or a NAT) suffer a
         * connection storm.
         */
        public Builder backgroundConcurrency(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("background concurrency must be at least 1, got " + value);
            }
            backgroundConcurrency = value;
            return this;
        }

        /** The time source. Default the system UTC clock. */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Runs timed work (the keep-alive timers of all sessions). Default: one daemon scheduler thread created
         * and stopped by the core. One passed in is not shut down by the core.
         */
        public Builder scheduler(Scheduler value) {
            scheduler = Objects.requireNonNull(value, "scheduler");
            return this;
        }

        /**
         * Runs network work (login, refresh, logout, store I/O) so that neither the scheduler thread nor a caller of
         * a stale bearer waits for it. Default: a virtual thread per task, created and shut down by the core. One
         * passed in is not shut down by the core; a direct executor ({@code Runnable::run}) makes callers run that
         * work themselves (tests do).
         */
        public Builder executor(Executor value) {
            executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /**
         * The settings.
         *
         * @throws IllegalArgumentException if the refresh interval is not shorter than the idle timeout, or the
         *                                  back-off maximum is shorter than its initial interval
         */
        public LoginSettings build() {
            if (refreshInterval.compareTo(idleTimeout) >= 0) {
                throw new IllegalArgumentException("refresh interval (" + refreshInterval
                        + ") must be shorter than the idle timeout (" + idleTimeout + ")");
            }
            if (backoffMax.compareTo(backoffInitial) < 0) {
                throw new IllegalArgumentException("back-off maximum must be at least the initial interval");
            }
            return new LoginSettings(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }
    }
}
