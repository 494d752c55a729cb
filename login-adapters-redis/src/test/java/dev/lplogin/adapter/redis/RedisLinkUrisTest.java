package dev.lplogin.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslVerifyMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What each URL form asks of Lettuce: TLS with host verification to every node (sentinels included) for the
 * {@code rediss…://} forms, the credentials for the data nodes only. (The TLS forms are checked here, on the URIs;
 * the tests that fail over real processes run plaintext.)
 */
class RedisLinkUrisTest {

    @Test
    void a_tls_sentinel_url_verifies_every_sentinel_and_the_data_nodes_and_authenticates_only_to_the_data_nodes() {
        List<RedisURI> uris = RedisLink.uris(RedisStoreSettings.of("rediss-sentinel://bot:pw@s1:26380,s2/2#lp-primary"));

        assertThat(uris).hasSize(1);
        RedisURI uri = uris.getFirst();
        assertThat(uri.getSentinelMasterId()).isEqualTo("lp-primary");
        assertThat(uri.isSsl()).isTrue();
        assertThat(uri.getVerifyMode()).isEqualTo(SslVerifyMode.FULL);
        assertThat(uri.getDatabase()).isEqualTo(2);
        assertThat(credentials(uri).getUsername()).isEqualTo("bot");
        assertThat(credentials(uri).getPassword()).isEqualTo("pw".toCharArray());
        assertThat(uri.getSentinels()).extracting(RedisURI::getHost, RedisURI::getPort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("s1", 26380),
                        org.assertj.core.groups.Tuple.tuple("s2", RedisEndpoint.DEFAULT_SENTINEL_PORT));
        for (RedisURI sentinel : uri.getSentinels()) {
            assertThat(sentinel.isSsl()).isTrue();
            assertThat(sentinel.getVerifyMode()).isEqualTo(SslVerifyMode.FULL);
            assertThat(credentials(sentinel).hasPassword()).as("sentinels are asked without credentials").isFalse();
        }
    }

    @Test
    void a_tls_cluster_url_is_one_verified_authenticated_uri_per_seed_node() {
        List<RedisURI> uris = RedisLink.uris(RedisStoreSettings.of("rediss-cluster://bot:pw@n1:7000,n2:7001"));

        assertThat(uris).extracting(RedisURI::getHost, RedisURI::getPort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("n1", 7000),
                        org.assertj.core.groups.Tuple.tuple("n2", 7001));
        for (RedisURI node : uris) {
            assertThat(node.isSsl()).isTrue();
            assertThat(node.getVerifyMode()).isEqualTo(SslVerifyMode.FULL);
            assertThat(credentials(node).getUsername()).isEqualTo("bot");
            assertThat(credentials(node).getPassword()).isEqualTo("pw".toCharArray());
        }
    }

    private static RedisCredentials credentials(RedisURI uri) {
        RedisCredentialsProvider provider = uri.getCredentialsProvider();
        return provider == null ? RedisCredentials.just(null, (char[]) null) : provider.resolveCredentials().block();
    }

    @Test
    void plaintext_forms_use_no_tls() {
        assertThat(RedisLink.uris(RedisStoreSettings.of("redis-sentinel://s1#m")).getFirst().isSsl()).isFalse();
        assertThat(RedisLink.uris(RedisStoreSettings.of("redis-cluster://n1")).getFirst().isSsl()).isFalse();
        assertThat(RedisLink.uris(RedisStoreSettings.of("redis://h")).getFirst().isSsl()).isFalse();
    }
}
