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
        assertThat(endpoint.host()).isEqualTo(host);
        assertThat(endpoint.port()).isEqualTo(port);
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
                .withMessageContaining("only redis:// and rediss://");
    }

    @Test
    void paths_do_not_look_like_urls() {
        assertThat(RedisEndpoint.looksLikeUrl("/var/lib/lp-login")).isFalse();
        assertThat(RedisEndpoint.looksLikeUrl("relative/dir")).isFalse();
        assertThat(RedisEndpoint.looksLikeUrl("C:\\state")).isFalse();
        assertThat(RedisEndpoint.looksLikeUrl("memory")).isFalse();
    }
}
