package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.model.Secret;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void durations_read_like_a_person_writes_them() {
        assertThat(Formats.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(Formats.duration(Duration.ofSeconds(12))).isEqualTo("12s");
        assertThat(Formats.duration(Duration.ofSeconds(192))).isEqualTo("3m 12s");
        assertThat(Formats.duration(Duration.ofMinutes(4))).isEqualTo("4m");
        assertThat(Formats.duration(Duration.ofMinutes(125))).isEqualTo("2h 5m");
        assertThat(Formats.duration(Duration.ofHours(76))).isEqualTo("3d 4h");
    }

    /** {@code status} printed an age of "0 ms" beside a last refresh of "just now": both now speak in seconds. */
    @Test
    void ages_and_agos_use_the_same_steps() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        assertThat(Formats.age(now.minusMillis(3), now)).isEqualTo("<1s");
        assertThat(Formats.ago(now.minusMillis(3), now)).isEqualTo("just now");
        assertThat(Formats.age(now.minusMillis(192_400), now)).isEqualTo("3m 12s");
        assertThat(Formats.ago(now.minusMillis(192_400), now)).isEqualTo("3m 12s ago");
    }

    @Test
    void counts_read_as_english() {
        assertThat(Formats.count(1, "session")).isEqualTo("1 session");
        assertThat(Formats.count(2, "refresh")).isEqualTo("2 refreshes");
        assertThat(Formats.count(0, "login")).isEqualTo("0 logins");
    }

    @Test
    void a_fingerprint_tells_bearers_apart_without_showing_any_of_them() {
        String bearer = "9cf6ee24b6a1031e202f292a0ad20c8f52bfd9f01abc8b9489365995052c6603";
        String fingerprint = Formats.fingerprint(Secret.of(bearer));

        assertThat(fingerprint).matches("sha256:[0-9a-f]{12}");
        assertThat(bearer).doesNotContain(fingerprint.substring(7, 13));
        assertThat(Formats.fingerprint(Secret.of(bearer + "0"))).isNotEqualTo(fingerprint);
    }
}
