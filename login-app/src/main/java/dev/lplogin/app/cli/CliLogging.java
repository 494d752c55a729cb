package dev.lplogin.app.cli;

import java.io.PrintWriter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Routes java.util.logging (which the adapters and core use) to stderr as short {@code lp-login: warning: …} lines:
 * warnings only by default, everything from FINE with {@code --verbose} (then with stack traces).
 */
final class CliLogging {

    private CliLogging() {
    }

    static void configure(boolean verbose, PrintWriter err) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        Level level = verbose ? Level.FINE : Level.WARNING;
        root.setLevel(level);
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (isLoggable(record)) {
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
        handler.setLevel(level);
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
}
