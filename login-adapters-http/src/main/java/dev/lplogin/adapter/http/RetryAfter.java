package dev.lplogin.adapter.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a {@code Retry-After} header: delay seconds or an HTTP date (RFC 9110 §10.2.3). */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait the header asks for, or empty when it is absent or unreadable (then the floor alone applies). */
    static Optional<Duration> parse(Optional<String> header, Instant now) {
        return header.map(String::trim).flatMap(value -> {
            if (value.matches("[0-9]{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        });
    }

    /** The wait before the next attempt: what the server asked for, but never less than {@code floor}. */
    static Duration wait(Optional<String> header, Instant now, Duration floor) {
        return parse(header, now).filter(asked -> asked.compareTo(floor) > 0).orElse(floor);
    }
}
