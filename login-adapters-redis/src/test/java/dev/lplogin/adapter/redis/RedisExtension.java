package dev.lplogin.adapter.redis;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs one real {@code redis-server} for the whole test JVM (started on first use, stopped when JUnit closes its root
 * store) and gives every test a fresh random key prefix, so tests never see each other's keys:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RedisExtension REDIS = new RedisExtension();
 * ... RedisTokenStore.create(REDIS.settings())
 * }</pre>
 */
final class RedisExtension implements BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RedisExtension.class);

    private RedisServer server;
    private String prefix = newPrefix();

    @Override
    public void beforeEach(ExtensionContext context) {
        server = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(RedisServer.class, type -> RedisServer.start(), RedisServer.class);
        prefix = newPrefix();
    }

    RedisServer server() {
        return server;
    }

    /** This test's key prefix, e.g. {@code t3f9a01c2:}. */
    String prefix() {
        return prefix;
    }

    /** Settings for a store on the shared server under this test's prefix. */
    RedisStoreSettings settings() {
        return RedisStoreSettings.of(server.url()).withKeyPrefix(prefix);
    }

    private static String newPrefix() {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return "t" + HexFormat.of().formatHex(random) + ":";
    }
}
