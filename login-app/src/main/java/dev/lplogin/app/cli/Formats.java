package dev.lplogin.app.cli;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.SessionInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;

/** How values look in the CLI's text and JSON output. Nothing here ever shows a secret. */
final class Formats {

    private Formats() {
    }

    /** Short human form: {@code 850 ms}, {@code 12s}, {@code 3m 12s}, {@code 2h 5m}, {@code 3d 4h}. */
    static String duration(Duration d) {
        if (d.isNegative()) {
            return "-" + duration(d.negated());
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + (s % 60 == 0 ? "" : " " + s % 60 + "s");
        }
        if (s < 86_400) {
            return s / 3600 + "h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + "m");
        }
        return s / 86_400 + "d" + (s % 86_400 / 3600 == 0 ? "" : " " + s % 86_400 / 3600 + "h");
    }

    /**
     * A short fingerprint that tells bearers apart without revealing any character of one: the first 12 hex digits of
     * its SHA-256, e.g. {@code sha256:3f9a0c1d2e4b}.
     */
    static String fingerprint(Secret secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(secret.reveal().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The JSON view of a session (no secrets), with its age at {@code now}. */
    static Json.Obj session(SessionInfo info, Instant now) {
        return Json.object()
                .put("account", info.key().account().value())
                .put("user", info.key().loginName())
                .put("userId", info.userId())
                .put("loginHost", info.loginHost().value())
                .put("issuedAt", info.issuedAt().truncatedTo(ChronoUnit.SECONDS))
                .put("lastRefresh", info.lastConfirmedAt().truncatedTo(ChronoUnit.SECONDS))
                .put("ageSeconds", Duration.between(info.issuedAt(), now).toSeconds())
                .put("maxLifetimeSeconds", info.maxLifetime().map(Duration::toSeconds))
                .put("state", info.freshness().name().toLowerCase(Locale.ROOT));
    }

    /** One-line text view of a session, e.g. {@code 12345678/bob at va.agentvep.liveperson.net, age 3m, fresh}. */
    static String sessionLine(SessionInfo info, Instant now) {
        return info.key() + " at " + info.loginHost() + " (user id " + info.userId() + "), age "
                + age(info.issuedAt(), now) + ", last refresh "
                + ago(info.lastConfirmedAt(), now) + ", " + info.freshness().name().toLowerCase(Locale.ROOT);
    }

    /** {@code 1 session}, {@code 2 sessions}: English plurals by appending {@code s} or {@code es}. */
    static String count(long n, String singular) {
        String plural = singular.endsWith("sh") || singular.endsWith("s") ? singular + "es" : singular + "s";
        return n + " " + (n == 1 ? singular : plural);
    }

    /**
     * How old something is, in the same steps as {@link #ago}: {@code <1s} for anything under a second (never
     * {@code 0 ms}), else whole seconds and up ({@code 12s}, {@code 3m 12s}).
     */
    static String age(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        return d.toMillis() < 1000 ? "<1s" : duration(d.truncatedTo(ChronoUnit.SECONDS));
    }

    /** {@code 3m ago}, or {@code just now} for anything under a second. */
    static String ago(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        return d.toMillis() < 1000 ? "just now" : duration(d.truncatedTo(ChronoUnit.SECONDS)) + " ago";
    }
}
