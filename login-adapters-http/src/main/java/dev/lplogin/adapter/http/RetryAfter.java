package dev.lplogin.adapter.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Reads a {@code Retry-After} header: delay seconds or an HTTP date (RFC 9110 §10.2.3), capped at {@link #MAX_WAIT}.
 */
final class RetryAfter {

    /**
     * The longest wait a {@code Retry-After} may ask for. LivePerson's rate limits last seconds, and the longest wait
     * it asks for is until another live session of the same user would idle out (30 minutes, docs/protocol.md); an
     * answer asking for more than this is broken or hostile (999999999 s would put the next login in 2058), so the
     * client waits this long and asks again.
     */
    static final Duration MAX_WAIT = Duration.ofHours(1);

    private static final Logger LOG = Logger.getLogger(RetryAfter.class.getPackageName());

    private RetryAfter() {
    }

    /** The wait the header asks for, at most {@link #MAX_WAIT}, or empty when it is absent or unreadable. */
    static Optional<Duration> parse(Optional<String> header, Instant now) {
        return header.map(String::trim).flatMap(value -> {
            if (value.matches("[0-9]{1,18}")) {
                return Optional.of(capped(Duration.ofSeconds(Long.parseLong(value))));
            }
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(capped(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO));
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        });
    }

    private static Duration capped(Duration asked) {
        if (asked.compareTo(MAX_WAIT) <= 0) {
            return asked;
        }
        LOG.warning(() -> "the server asked to wait " + asked.toSeconds() + " s before trying again (Retry-After);"
                + " waiting at most " + MAX_WAIT.toMinutes() + " min, then asking again");
        return MAX_WAIT;
    }

    /** The wait before the next attempt: what the server asked for, but never less than {@code floor}. */
    static Duration wait(Optional<String> header, Instant now, Duration floor) {
        return parse(header, now).filter(asked -> asked.compareTo(floor) > 0).orElse(floor);
    }
}
