package dev.lplogin.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings validation, the scheme rule of spec §2/§4, the exact URLs, and the extra trusted certificate. */
class HttpSettingsTest {

    private static final AccountId ACCOUNT = AccountId.of("12345678");

    @Test
    void the_defaults_are_livepersons() {
        HttpSettings defaults = HttpSettings.defaults();

        assertThat(defaults.csdsBaseUrl()).isEqualTo(URI.create("https://api.liveperson.net"));
        assertThat(defaults.retryDelays()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(15));
        assertThat(defaults.loginRateLimitFloor()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.otherRateLimitFloor()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.requestTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(defaults.cacheTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.staleIfErrorFor()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(defaults.userAgent()).matches("lp-login/\\S+ Java/\\S+");
        assertThat(defaults.staleWhileRevalidateFor()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.maxConnections()).isEqualTo(32);
        assertThat(defaults.clientThreads()).isEqualTo(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void plain_http_to_a_non_loopback_domain_api_is_refused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpSettings.builder().csdsBaseUrl(URI.create("http://api.liveperson.net")))
                .withMessageContaining("must use https")
                .withMessageContaining("loopback");
    }

    @Test
    void user_info_queries_and_relative_urls_are_refused() {
        for (String url : List.of("https://user:pw@api.liveperson.net", "https://api.liveperson.net/?x=1",
                "api.liveperson.net", "ftp://api.liveperson.net")) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> HttpSettings.builder().csdsBaseUrl(URI.create(url)))
                    .withMessageNotContaining("pw@");
        }
    }

    @Test
    void service_hosts_are_https_unless_both_the_domain_api_and_the_host_are_plain_loopback() {
        Endpoints https = new Endpoints(URI.create("https://api.liveperson.net/"));
        Endpoints plainLoopback = new Endpoints(URI.create("http://127.0.0.1:8080"));

        assertThat(https.login(ServiceHost.of("127.0.0.1:1"), ACCOUNT))
                .isEqualTo(URI.create("https://127.0.0.1:1/api/account/12345678/login?v=1.3"));
        assertThat(plainLoopback.login(ServiceHost.of("localhost:1"), ACCOUNT))
                .isEqualTo(URI.create("http://localhost:1/api/account/12345678/login?v=1.3"));
        assertThat(plainLoopback.refresh(ServiceHost.of("va.agentvep.liveperson.net"), ACCOUNT))
                .isEqualTo(URI.create("https://va.agentvep.liveperson.net/api/account/12345678/refresh"));
        assertThat(https.allServices(ACCOUNT))
                .isEqualTo(URI.create("https://api.liveperson.net/api/account/12345678/service/baseURI.json?version=1.0"));
        assertThat(https.service(ACCOUNT, ServiceName.LOGIN)).isEqualTo(URI.create(
                "https://api.liveperson.net/api/account/12345678/service/agentVep/baseURI.json?version=1.0"));
    }

    @Test
    void a_file_that_is_not_a_pem_certificate_is_refused_with_its_name(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpTransport.create(HttpSettings.builder().extraTrustedCertificate(junk).build()))
                .withMessageContaining("junk.pem");
    }

    @Test
    void negative_durations_are_refused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpSettings.builder().retryDelays(List.of(Duration.ofSeconds(-1))))
                .withMessageContaining("retryDelays");
    }

    @Test
    void each_builder_method_refuses_a_bad_value_naming_its_setting() {
        Map<String, ThrowingCallable> bad = new LinkedHashMap<>();
        bad.put("connectTimeout", () -> HttpSettings.builder().connectTimeout(Duration.ZERO));
        bad.put("requestTimeout", () -> HttpSettings.builder().requestTimeout(Duration.ofMillis(-1)));
        bad.put("loginRateLimitFloor", () -> HttpSettings.builder().loginRateLimitFloor(Duration.ofSeconds(-1)));
        bad.put("otherRateLimitFloor", () -> HttpSettings.builder().otherRateLimitFloor(Duration.ofSeconds(-1)));
        bad.put("rateLimitBudget", () -> HttpSettings.builder().rateLimitBudget(Duration.ofSeconds(-1)));
        bad.put("cacheTtl", () -> HttpSettings.builder().cacheTtl(Duration.ZERO));
        bad.put("staleIfErrorFor", () -> HttpSettings.builder().staleIfErrorFor(Duration.ofSeconds(-1)));
        bad.put("userAgent", () -> HttpSettings.builder().userAgent("bad\nagent"));
        bad.put("maxBodyBytes", () -> HttpSettings.builder().maxBodyBytes(1023));
        bad.put("staleWhileRevalidateFor", () -> HttpSettings.builder().staleWhileRevalidateFor(Duration.ofDays(-1)));
        bad.put("maxConnections", () -> HttpSettings.builder().maxConnections(0));
        bad.put("clientThreads", () -> HttpSettings.builder().clientThreads(0));
        bad.forEach((setting, call) -> assertThatIllegalArgumentException().as(setting).isThrownBy(call)
                .withMessageContaining(setting));
        assertThatNullPointerException().isThrownBy(() -> HttpSettings.builder().cacheTtl(null))
                .withMessageContaining("cacheTtl");
    }

    @Test
    void the_builder_changes_only_what_it_is_told_and_to_builder_starts_from_the_given_settings() {
        HttpSettings changed = HttpSettings.builder().cacheTtl(Duration.ofMinutes(1)).build();

        assertThat(changed.cacheTtl()).isEqualTo(Duration.ofMinutes(1));
        assertThat(changed.toBuilder().cacheTtl(HttpSettings.defaults().cacheTtl()).build())
                .isEqualTo(HttpSettings.defaults());
        assertThat(changed.toBuilder().build()).isEqualTo(changed).hasSameHashCodeAs(changed);
        assertThat(HttpSettings.builder().build()).isEqualTo(HttpSettings.defaults());
    }
}
