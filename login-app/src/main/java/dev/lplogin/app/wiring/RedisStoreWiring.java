package dev.lplogin.app.wiring;

import dev.lplogin.adapter.redis.RedisStoreSettings;
import dev.lplogin.adapter.redis.RedisTokenStore;
import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.domain.usecase.LoginUseCase;
import java.time.InstantSource;

/**
 * The only wiring code that names the Redis store. Kept apart from the Dagger modules so that their classes never
 * refer to it: the JVM then loads the Redis store, and with it Lettuce and Netty, only when a Redis store is
 * configured (checked with {@code -Xlog:class+load} in the CLI's end-to-end tests).
 */
final class RedisStoreWiring {

    private RedisStoreWiring() {
    }

    /** The Redis store of {@code settings}, on the core's clock. */
    static TokenStore open(RedisStoreSettings settings, InstantSource clock) {
        return RedisTokenStore.create(settings.withClock(clock));
    }

    /** Makes the core drop a bearer as soon as another replica's login replaces it in Redis. */
    static void dropReplacedBearers(TokenStore store, LoginUseCase core) {
        if (store instanceof RedisTokenStore redis) {
            redis.onSessionReplaced(core::invalidate);
        }
    }
}
