package dev.lplogin.app.cli;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where a command's results and messages go: results on stdout (text, or one JSON object per line with
 * {@code --json}), errors and progress on stderr. Thread-safe: lines from background threads (keep-alive events) are
 * never interleaved.
 */
final class Output {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final boolean verbose;

    Output(PrintWriter out, PrintWriter err, boolean json, boolean verbose) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.json = json;
        this.verbose = verbose;
    }

    boolean json() {
        return json;
    }

    boolean verbose() {
        return verbose;
    }

    /** A result: {@code text} in text mode, the object from {@code asJson} with {@code --json}. */
    synchronized void result(String text, Supplier<Json.Obj> asJson) {
        out.println(json ? asJson.get().toString() : text);
        out.flush();
    }

    /** A raw stdout line whatever the mode (the bearer of {@code token}, the emulator's URL). */
    synchronized void raw(String line) {
        out.println(line);
        out.flush();
    }

    /** A note for the person at the terminal, on stderr (never mixed into the JSON on stdout). */
    synchronized void note(String line) {
        err.println(line);
        err.flush();
    }

    /** The error as one or two lines on stderr (a JSON object with {@code --json}); the stack trace only if verbose. */
    synchronized void error(CliException e) {
        if (json) {
            err.println(Json.object().put("error", e.getMessage()).put("hint", e.hint())
                    .put("exitCode", e.exitCode().code()));
        } else {
            err.println("lp-login: " + e.getMessage());
            e.hint().ifPresent(hint -> err.println("  " + hint));
        }
        if (verbose && e.getCause() != null) {
            e.getCause().printStackTrace(err);
        }
        err.flush();
    }
}
