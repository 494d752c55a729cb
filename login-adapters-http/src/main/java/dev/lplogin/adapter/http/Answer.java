package dev.lplogin.adapter.http;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One HTTP answer as the adapters see it: status, headers and the (size-limited) body.
 *
 * @param attempt       which attempt of the call this answer came from, from 1
 * @param rateLimitWait for a 429: how long to wait before the next attempt (the floor and {@code Retry-After}
 *                      applied); zero otherwise
 * @param retryAllowed  for a 429: whether that wait still fits the call's rate-limit budget
 */
record Answer(int status, HttpHeaders headers, byte[] body, int attempt, Duration rateLimitWait,
        boolean retryAllowed) {

    static final int TOO_MANY_REQUESTS = 429;

    Answer {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(rateLimitWait, "rateLimitWait");
    }

    Answer(int status, HttpHeaders headers, byte[] body, int attempt) {
        this(status, headers, body, attempt, Duration.ZERO, false);
    }

    /** This 429 answer with the wait before the next attempt and whether it is allowed. */
    Answer rateLimited(Duration wait, boolean allowed) {
        return new Answer(status, headers, body, attempt, wait, allowed);
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    boolean isServerError() {
        return status >= 500 && status < 600;
    }

    /** Every value of a header, e.g. each {@code Set-Cookie}. */
    List<String> headerValues(String name) {
        return headers.allValues(name);
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** No body at all, or only white space. */
    boolean isBlank() {
        return text().isBlank();
    }

    /** {@code "1 attempt"}, {@code "4 attempts"}: for messages. */
    String attempts() {
        return attempt == 1 ? "1 attempt" : attempt + " attempts";
    }

    // The body may hold secrets (a login answer): never print it.
    @Override
    public String toString() {
        return "Answer[status=" + status + ", " + body.length + " bytes]";
    }
}
