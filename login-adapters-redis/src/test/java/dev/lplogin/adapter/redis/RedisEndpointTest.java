package dev.lplogin.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.lplogin.domain.model.Secret;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Redis URLs: the forms the configuration accepts, and errors that never echo a password. */
class RedisEndpointTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            redis://127.0.0.1                      | false | -      | 127.0.0.1       | 6379  | 0 | redis://127.0.0.1:6379/0
            redis://redis.internal:6380/2          | false | -      | redis.internal  | 6380  | 2 | redis://redis.internal:6380/2
            rediss://bot@redis.internal            | true  | bot    | redis.internal  | 6379  | 0 | rediss://bot@redis.internal:6379/0
            redis://[::1]:7000/                    | false | -      | ::1             | 7000  | 0 | redis://[::1]:7000/0
            redis://user%40corp@h:1/15             | false | user@corp | h            | 1     | 15 | redis://user@corp@h:1/15
            """)
    void parses(String url, boolean tls, String user, String host, int port, int db, String shown) {
        RedisEndpoint endpoint = RedisEndpoint.parse(url);

        assertThat(endpoint.tls()).isEqualTo(tls);
        assertThat(endpoint.user()).isEqualTo(user.equals("-") ? Optional.empty() : Optional.of(user));
        assertThat(endpoint.topology()).isEqualTo(new RedisEndpoint.Standalone());
        assertThat(endpoint.nodes()).containsExactly(new RedisEndpoint.Node(host, port));
        assertThat(endpoint.database()).isEqualTo(db);
        assertThat(endpoint.password()).isEmpty();
        assertThat(endpoint).hasToString(shown);
    }

    @Test
    void a_password_in_the_url_is_kept_as_a_secret_and_never_shown() {
        RedisEndpoint endpoint = RedisEndpoint.parse("rediss://bot:s%3Acret@redis.internal:6380");

        assertThat(endpoint.user()).contains("bot");
        assertThat(endpoint.password()).contains(Secret.of("s:cret"));
        assertThat(endpoint.toString()).isEqualTo("rediss://bot@redis.internal:6380/0").doesNotContain("cret");
        assertThat(RedisEndpoint.parse("redis://:only-password@h").password()).contains(Secret.of("only-password"));
        assertThat(RedisEndpoint.parse("redis://:only-password@h").user()).isEmpty();
    }

    @Test
    void an_optional_password_replaces_the_urls_when_present_and_keeps_it_when_empty() {
        RedisStoreSettings settings = RedisStoreSettings.of("rediss://bot:from-url@redis.internal:6380");

        assertThat(settings.withPassword(Optional.of(Secret.of("from-env"))).endpoint().password())
                .contains(Secret.of("from-env"));
        assertThat(settings.withPassword(Optional.<Secret>empty()).endpoint().password()).contains(Secret.of("from-url"));
    }

    @Test
    void a_sentinel_url_names_the_sentinels_and_the_master() {
        RedisEndpoint endpoint = RedisEndpoint.parse("rediss-sentinel://bot:hunter2@s1:26380,s2,[::1]:26381/3#lp-primary");

        assertThat(endpoint.topology()).isEqualTo(new RedisEndpoint.Sentinel("lp-primary"));
        assertThat(endpoint.tls()).isTrue();
        assertThat(endpoint.user()).contains("bot");
        assertThat(endpoint.password()).contains(Secret.of("hunter2"));
        assertThat(endpoint.nodes()).containsExactly(new RedisEndpoint.Node("s1", 26380),
                new RedisEndpoint.Node("s2", RedisEndpoint.DEFAULT_SENTINEL_PORT), new RedisEndpoint.Node("::1", 26381));
        assertThat(endpoint.database()).isEqualTo(3);
        assertThat(endpoint).hasToString("rediss-sentinel://bot@s1:26380,s2:26379,[::1]:26381/3#lp-primary");
        assertThat(RedisEndpoint.parse(endpoint.toString())).isEqualTo(endpoint.withoutPassword());
    }

    @Test
    void a_cluster_url_names_seed_nodes_and_no_database() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis-cluster://:hunter2@10.0.0.1:7000,10.0.0.2");

        assertThat(endpoint.topology()).isEqualTo(new RedisEndpoint.Cluster());
        assertThat(endpoint.tls()).isFalse();
        assertThat(endpoint.password()).contains(Secret.of("hunter2"));
        assertThat(endpoint.nodes()).containsExactly(new RedisEndpoint.Node("10.0.0.1", 7000),
                new RedisEndpoint.Node("10.0.0.2", RedisEndpoint.DEFAULT_PORT));
        assertThat(endpoint).hasToString("redis-cluster://10.0.0.1:7000,10.0.0.2:6379");
        assertThat(RedisEndpoint.parse("rediss-cluster://h").tls()).isTrue();
        assertThat(RedisEndpoint.isRedisUrl("REDIS-CLUSTER://h")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis-sentinel://:hunter2@s1,s2", "redis-sentinel://u:hunter2@s1#", "redis://u:hunter2@h#m",
            "redis-cluster://u:hunter2@h/1", "redis://u:hunter2@h1,h2", "redis-cluster://u:hunter2@h1,,h2",
            "redis-cluster://u:hunter2@h#m"})
    void sentinel_and_cluster_urls_in_the_wrong_shape_are_refused_without_echoing_them(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> RedisEndpoint.parse(url))
                .withMessageNotContaining("hunter2").withMessageContaining("redis-sentinel://[user@]host[:port]")
                .withMessageContaining("redis-cluster://[user@]host[:port]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis://", "redis://user:hunter2@", "redis://h:0", "redis://h:99999", "redis://h/x",
            "redis://h:12:13", "redis://us er:hunter2@h", "redis://@h", "redis://h/1/2", "redis://u:%zzhunter2@h"})
    void malformed_redis_urls_are_refused_without_echoing_them(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> RedisEndpoint.parse(url))
                .withMessageNotContaining("hunter2").withMessageContaining("redis://[user@]host[:port][/db]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://h", "file:///tmp/x", "memcached://h:11211"})
    void other_schemes_are_not_redis(String url) {
        assertThat(RedisEndpoint.looksLikeUrl(url)).isTrue();
        assertThat(RedisEndpoint.isRedisUrl(url)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> RedisEndpoint.parse(url))
                .withMessageContaining("not a Redis URL (redis://, rediss://, redis-sentinel:// or redis-cluster://)");
    }

    @Test
    void paths_do_not_look_like_urls() {
        assertThat(RedisEndpoint.looksLikeUrl("/var/lib/lp-login")).isFalse();
        assertThat(RedisEndpoint.looksLikeUrl("relative/dir")).isFalse();
        assertThat(RedisEndpoint.looksLikeUrl("C:\\state")).isFalse();
        assertThat(RedisEndpoint.looksLikeUrl("memory")).isFalse();
    }
}
