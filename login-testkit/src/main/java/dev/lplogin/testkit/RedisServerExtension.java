package dev.lplogin.testkit;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs one real {@code redis-server} for the whole test JVM (started on first use, stopped when JUnit closes its root
 * store) and gives every test a fresh random key prefix, so tests sharing the server never see each other's keys:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RedisServerExtension REDIS = new RedisServerExtension();
 *
 * ... RedisStoreSettings.of(REDIS.url()).withKeyPrefix(REDIS.prefix()) ...
 * }</pre>
 *
 * <p>Tests that stop or restart Redis start their own {@link RedisServer} instead.
 */
public final class RedisServerExtension implements BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RedisServerExtension.class);

    private RedisServer server;
    private String prefix = newPrefix();

    @Override
    public void beforeEach(ExtensionContext context) {
        server = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(RedisServer.class, type -> RedisServer.start(), RedisServer.class);
        prefix = newPrefix();
    }

    /** The shared server (started before the first test that uses this extension). */
    public RedisServer server() {
        return server;
    }

    /** The shared server's URL, e.g. {@code redis://127.0.0.1:40123}. */
    public String url() {
        return server.url();
    }

    /** This test's key prefix, e.g. {@code t3f9a01c2:}; a fresh one for every test. */
    public String prefix() {
        return prefix;
    }

    private static String newPrefix() {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return "t" + HexFormat.of().formatHex(random) + ":";
    }
}
