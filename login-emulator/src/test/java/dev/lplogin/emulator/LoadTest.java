package dev.lplogin.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** 10,000 live sessions and hundreds of concurrent requests, without a single error. */
class LoadTest {

    private static final int USERS = 10_000;
    private static final int CONCURRENT = 400;
    private static final String ACCOUNT = "loadtest";
    // A regex instead of a JSON parser keeps the client's share of the 2 cores small.
    private static final Pattern CSRF = Pattern.compile("\"csrf\":\"([0-9a-f]{64})\"");

    private record Session(String cookie, String csrf) {
    }

    @Test
    @Timeout(60) // a hang guard; measured 17-24 s on this 2-core machine at load average 10-16
    void holdsTenThousandSessionsUnderConcurrentLoad() throws Exception {
        var users = IntStream.range(0, USERS).mapToObj(i -> EmulatorUser.withPassword("user" + i, "pw" + i)).toList();
        var config = EmulatorConfig.defaults().withHttps(false)
                .plusAccounts(List.of(new EmulatorAccount(ACCOUNT, users)));
        try (var emulator = LoginEmulator.start(config);
             var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads).build();

            // Phase 1: every user logs in, at most 100 requests in flight.
            var inFlight = new Semaphore(100);
            var logins = new ArrayList<CompletableFuture<HttpResponse<String>>>();
            for (int i = 0; i < USERS; i++) {
                inFlight.acquire();
                logins.add(http.sendAsync(post(emulator, "/api/account/" + ACCOUNT + "/login?v=1.3",
                                RawClient.userBody("user" + i, "pw" + i), null),
                        HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> inFlight.release()));
            }
            var sessions = new ArrayList<Session>();
            for (var login : logins) {
                var response = login.join();
                assertThat(response.statusCode()).isEqualTo(200);
                String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
                var csrf = CSRF.matcher(response.body());
                assertThat(csrf.find()).isTrue();
                sessions.add(new Session(setCookie.substring(0, setCookie.indexOf(';')), csrf.group(1)));
            }
            assertThat(emulator.stats().activeSessions()).isEqualTo(USERS);

            // Phase 2: hundreds of requests at once, a mix of refreshes and Domain API lookups.
            var burst = new ArrayList<CompletableFuture<HttpResponse<String>>>();
            for (int i = 0; i < CONCURRENT; i++) {
                var session = sessions.get(i * (USERS / CONCURRENT));
                var request = i % 2 == 0
                        ? post(emulator, "/api/account/" + ACCOUNT + "/refresh", RawClient.csrfBody(session.csrf()),
                                session.cookie())
                        : HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/api/account/" + ACCOUNT
                                + "/service/agentVep/baseURI.json?version=1.0")).build();
                burst.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            for (var response : burst) {
                assertThat(response.join().statusCode()).isEqualTo(200);
            }

            var stats = emulator.stats();
            assertThat(stats.statuses()).containsOnlyKeys(200);
            assertThat(stats.requests(Endpoint.LOGIN)).isEqualTo(USERS);
            assertThat(stats.requests(Endpoint.REFRESH) + stats.requests(Endpoint.CSDS)).isEqualTo(CONCURRENT);
            assertThat(stats.activeSessions()).isEqualTo(USERS);
        }
    }

    private static HttpRequest post(LoginEmulator emulator, String path, String json, String cookie) {
        var builder = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .timeout(Duration.ofSeconds(25))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return builder.build();
    }
}
