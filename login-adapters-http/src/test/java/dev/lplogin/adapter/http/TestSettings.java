package dev.lplogin.adapter.http;

import dev.lplogin.emulator.LoginEmulator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Settings with every delay in milliseconds, so the retry policy of spec §3.4 is tested quickly. */
final class TestSettings {

    static final Duration LOGIN_FLOOR = Duration.ofMillis(300);
    static final Duration OTHER_FLOOR = Duration.ofMillis(100);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofMillis(20), Duration.ofMillis(40),
            Duration.ofMillis(60));

    private TestSettings() {
    }

    /** Fast settings for a Domain API at {@code csds}. */
    static HttpSettings fast(URI csds) {
        return HttpSettings.builder()
                .csdsBaseUrl(csds)
                .connectTimeout(Duration.ofSeconds(3))
                .requestTimeout(REQUEST_TIMEOUT)
                .retryDelays(RETRY_DELAYS)
                .loginRateLimitFloor(LOGIN_FLOOR)
                .otherRateLimitFloor(OTHER_FLOOR)
                .rateLimitBudget(Duration.ofSeconds(2))
                .build();
    }

    /**
     * Fast settings for {@code emulator}; over HTTPS its certificate is written to {@code dir} and trusted as the
     * extra trusted certificate, the way the CLI's {@code --ca-cert} does it.
     */
    static HttpSettings fast(LoginEmulator emulator, Path dir) {
        HttpSettings settings = fast(emulator.baseUrl());
        if (emulator.config().https()) {
            Path pem = dir.resolve("emulator-" + emulator.port() + ".pem");
            emulator.writeCertificatePem(pem);
            settings = settings.toBuilder().extraTrustedCertificate(pem).build();
        }
        return settings;
    }
}
