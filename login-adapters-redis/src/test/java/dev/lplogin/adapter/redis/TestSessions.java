package dev.lplogin.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionCookie;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.SaveResult;
import dev.lplogin.testkit.RedisServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sessions for the Redis store's own tests. */
final class TestSessions {

    static final SessionKey ALICE = SessionKey.of("12345678", "alice");
    static final SessionKey BOB = SessionKey.of("12345678", "bob");

    private TestSessions() {
    }

    /**
     * Settings for a store on the extension's shared server, under the current test's prefix, with timeouts long
     * enough that a busy machine (2 cores, several builds) does not turn a slow answer into a failure.
     */
    static RedisStoreSettings settings(RedisServerExtension redis) {
        return RedisStoreSettings.of(redis.url()).withKeyPrefix(redis.prefix())
                .withCommandTimeout(Duration.ofSeconds(10)).withConnectTimeout(Duration.ofSeconds(10));
    }

    /** Settings for a store on the Redis at {@code url} (any of the three shapes), under a fresh random prefix. */
    static RedisStoreSettings settings(String url) {
        byte[] random = new byte[4];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(random);
        return RedisStoreSettings.of(url).withKeyPrefix("t" + java.util.HexFormat.of().formatHex(random) + ":")
                .withCommandTimeout(Duration.ofSeconds(10)).withConnectTimeout(Duration.ofSeconds(10));
    }

    /** The session a save stored; fails the test if the save did not store it. */
    static Session saved(SaveResult result) {
        assertThat(result).isInstanceOf(SaveResult.Saved.class);
        return ((SaveResult.Saved) result).session();
    }

    /** A session of {@code key} whose bearer, csrf and cookie all contain {@code secret}. */
    static Session session(SessionKey key, String secret) {
        Instant issued = Instant.parse("2026-03-01T09:00:00Z");
        return new Session(key, ServiceHost.of("va.agentvep.liveperson.net"), Secret.of("bearer-" + secret),
                Secret.of("csrf-" + secret), List.of(new SessionCookie("Session_id", Secret.of("cookie-" + secret))),
                "user-1", Optional.empty(), issued, issued.plusSeconds(5), Optional.of(Duration.ofHours(8)), 0);
    }
}
