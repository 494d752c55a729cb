package dev.lplogin.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Rules that must hold when many requests for one user arrive at once. */
class ConcurrencyTest {

    private static final int LOGINS = 60;

    @Test
    void concurrentLoginsOfOneUserLeaveExactlyOneLiveSession() {
        var config = EmulatorConfig.defaults().withHttps(false).withLoginLimit(1_000, Duration.ofMinutes(1));
        try (var emulator = LoginEmulator.start(config)) {
            var responses = loginConcurrently(emulator);

            assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200);
            var liveBearers = responses.stream()
                    .map(response -> (String) RawClient.json(response.body()).get("bearer"))
                    .filter(emulator::isBearerValid)
                    .toList();
            assertThat(liveBearers).hasSize(1);
            assertThat(emulator.stats().activeSessions()).isEqualTo(1);
        }
    }

    @Test
    void theLoginLimitHoldsExactlyUnderConcurrency() {
        var config = EmulatorConfig.defaults().withHttps(false).withLoginLimit(10, Duration.ofMinutes(1));
        try (var emulator = LoginEmulator.start(config)) {
            var responses = loginConcurrently(emulator);

            assertThat(responses).filteredOn(response -> response.statusCode() == 200).hasSize(10);
            assertThat(responses).filteredOn(response -> response.statusCode() == 429).hasSize(LOGINS - 10);
        }
    }

    private static List<HttpResponse<String>> loginConcurrently(LoginEmulator emulator) {
        var client = new RawClient(emulator);
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var request = client.jsonPost("/api/account/12345678/login?v=1.3",
                RawClient.userBody(DemoAccount.USERNAME, DemoAccount.PASSWORD)).build();
        var futures = IntStream.range(0, LOGINS)
                .mapToObj(i -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .toList();
        return futures.stream().map(CompletableFuture::join).toList();
    }
}
