package dev.lplogin.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Routes java.util.logging (which the adapters and core use, and Lettuce and Netty through SLF4J) to stderr as short
 * {@code lp-login: warning: …} lines: warnings only by default; with {@code --verbose} lp-login's own loggers
 * ({@code dev.lplogin.*}) from FINE (then with stack traces) and everything else from INFO.
 *
 * <p>Why not everything at FINE: third-party debug logs are not written for a terminal and not vetted for secrets —
 * Lettuce's debug log prints the replies of Redis commands, i.e. the stored bearer, csrf and cookies. lp-login's own
 * log lines never carry a secret.
 *
 * <p>A warning repeated word for word (Lettuce's "Cannot reconnect to …" every few seconds while Redis is down) is
 * shown once, then not again for {@link #REPEAT_QUIET}: one line, then quiet.
 */
final class CliLogging {

    /** lp-login's own loggers, the only ones shown below INFO. */
    static final String OWN = "dev.lplogin";

    /** How long a warning repeated word for word stays quiet after it was shown. */
    static final Duration REPEAT_QUIET = Duration.ofMinutes(10);

    private CliLogging() {
    }

    static void configure(boolean verbose, PrintWriter err) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.setLevel(verbose ? Level.INFO : Level.WARNING);
        Logger.getLogger(OWN).setLevel(verbose ? Level.FINE : null);
        RepeatFilter repeats = new RepeatFilter(Clock.systemUTC());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (isLoggable(record) && repeats.firstShowing(record)) {
                    synchronized (err) {
                        err.print(getFormatter().format(record));
                        err.flush();
                    }
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                err.flush();
            }
        };
        handler.setLevel(verbose ? Level.FINE : Level.WARNING);
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                StringBuilder line = new StringBuilder("lp-login: ")
                        .append(record.getLevel().getName().toLowerCase(java.util.Locale.ROOT)).append(": ")
                        .append(formatMessage(record)).append(System.lineSeparator());
                if (verbose && record.getThrown() != null) {
                    java.io.StringWriter trace = new java.io.StringWriter();
                    record.getThrown().printStackTrace(new PrintWriter(trace));
                    line.append(trace);
                }
                return line.toString();
            }
        });
        root.addHandler(handler);
    }

    /** Lets a warning through once per {@link #REPEAT_QUIET} when the same logger repeats it word for word. */
    static final class RepeatFilter {
        private static final int REMEMBERED = 64;

        private final Clock clock;
        private final Map<String, Instant> shown = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > REMEMBERED;
            }
        };

        RepeatFilter(Clock clock) {
            this.clock = clock;
        }

        /** Whether {@code record} should be shown: not a warning, or not shown in the last quiet period. */
        synchronized boolean firstShowing(LogRecord record) {
            if (record.getLevel().intValue() < Level.WARNING.intValue()) {
                return true;
            }
            String text = record.getLoggerName() + "\n" + new java.util.logging.SimpleFormatter().formatMessage(record);
            Instant now = clock.instant();
            Instant last = shown.get(text);
            if (last != null && now.isBefore(last.plus(REPEAT_QUIET))) {
                return false;
            }
            shown.put(text, now);
            return true;
        }
    }
}
