package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the agent's proxy passes on each way: end-to-end headers only, and nothing of the agent's or the caller's. */
class ProxyHeadersTest {

    @Test
    void towards_the_service_the_agents_headers_credentials_and_hop_by_hop_headers_stay_behind() {
        Map<String, List<String>> fromCaller = new LinkedHashMap<>();
        fromCaller.put("X-lp-login-key", List.of("the-key"));
        fromCaller.put("X-LP-Account", List.of("12345678"));
        fromCaller.put("x-lp-user", List.of("bob"));
        fromCaller.put("Authorization", List.of("Bearer someone-elses"));
        fromCaller.put("Proxy-Authorization", List.of("Basic x"));
        fromCaller.put("Host", List.of("127.0.0.1:7373"));
        fromCaller.put("Content-length", List.of("12"));
        fromCaller.put("Connection", List.of("keep-alive, X-Hop", "Upgrade"));
        fromCaller.put("X-hop", List.of("1"));
        fromCaller.put("Keep-Alive", List.of("timeout=5"));
        fromCaller.put("Transfer-Encoding", List.of("chunked"));
        fromCaller.put("Upgrade", List.of("h2c"));
        fromCaller.put("Expect", List.of("100-continue"));
        fromCaller.put("If-Match", List.of("\"3\""));
        fromCaller.put("Accept", List.of("application/json", "text/plain"));
        fromCaller.put("User-Agent", List.of("my-bot/1.0"));

        assertThat(ProxyHeaders.toService(fromCaller)).containsExactly(
                Map.entry("If-Match", List.of("\"3\"")),
                Map.entry("Accept", List.of("application/json", "text/plain")),
                Map.entry("User-Agent", List.of("my-bot/1.0")));
    }

    @Test
    void towards_the_caller_cookies_and_hop_by_hop_headers_stay_behind() {
        Map<String, List<String>> fromService = new LinkedHashMap<>();
        fromService.put(null, List.of("HTTP/1.1 200 OK"));
        fromService.put(":status", List.of("200"));
        fromService.put("content-length", List.of("2"));
        fromService.put("connection", List.of("close"));
        fromService.put("set-cookie", List.of("session=abc"));
        fromService.put("etag", List.of("\"4\""));
        fromService.put("content-type", List.of("application/json"));

        assertThat(ProxyHeaders.toCaller(fromService)).containsExactly(
                Map.entry("etag", List.of("\"4\"")),
                Map.entry("content-type", List.of("application/json")));
    }
}
