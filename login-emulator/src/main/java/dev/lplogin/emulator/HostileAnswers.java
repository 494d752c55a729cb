package dev.lplogin.emulator;

import java.nio.charset.StandardCharsets;

/**
 * The bodies of the hostile-answer faults ({@link Fault#hostile}): well-formed JSON that a client must still refuse,
 * each with a clear message. Built once per answer; they are test traffic, not a hot path.
 */
final class HostileAnswers {

    /** Nesting of the {@code deep-json} body: far beyond any real answer, enough to overflow a recursive binder. */
    static final int DEPTH = 100_000;
    /** Length of the {@code huge-bearer} bearer: under the client's 1 MiB body limit, far over any header's. */
    static final int HUGE_BEARER_BYTES = 900 * 1024;

    private HostileAnswers() {
    }

    static byte[] body(Fault.Mode mode) {
        String json = switch (mode) {
            case BEARER_NEWLINE -> login("eyJhbGciOi.forged\\r\\nX-Injected: yes");
            case HUGE_BEARER -> login("A".repeat(HUGE_BEARER_BYTES));
            case DEEP_JSON -> "[".repeat(DEPTH) + "]".repeat(DEPTH);
            default -> throw new IllegalArgumentException(mode + " is not a hostile-answer mode");
        };
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** A login answer (spec §3.1) complete but for its bearer, which is {@code bearer} (JSON-escaped already). */
    private static String login(String bearer) {
        return "{\"csrf\":\"0123456789abcdef\",\"bearer\":\"" + bearer + "\",\"sessionTTl\":\"3600000\","
                + "\"config\":{\"userId\":\"42\"}}";
    }
}
