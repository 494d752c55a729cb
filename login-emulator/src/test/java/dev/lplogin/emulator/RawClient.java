package dev.lplogin.emulator;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A raw JDK HttpClient speaking to one emulator, as any client of LivePerson would (no project adapters). */
final class RawClient {

    static final Jsonb JSONB = JsonbBuilder.create();

    /** What a successful login gave: the cookie pair, csrf and bearer, and the parsed body. */
    record Login(String cookie, String csrf, String bearer, Map<String, Object> body) {
    }

    private final LoginEmulator emulator;
    private final HttpClient http;

    RawClient(LoginEmulator emulator) {
        this.emulator = emulator;
        this.http = HttpClient.newBuilder()
                .sslContext(emulator.sslContext())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    HttpClient http() {
        return http;
    }

    URI uri(String pathAndQuery) {
        return URI.create(emulator.baseUrl() + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    HttpResponse<String> post(String pathAndQuery, String json) {
        return send(jsonPost(pathAndQuery, json));
    }

    HttpResponse<String> postWithCookie(String pathAndQuery, String cookie, String json) {
        return send(jsonPost(pathAndQuery, json).header("Cookie", cookie));
    }

    HttpRequest.Builder jsonPost(String pathAndQuery, String json) {
        return HttpRequest.newBuilder(uri(pathAndQuery))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> loginRaw(String account, String body) {
        return post("/api/account/" + account + "/login?v=1.3", body);
    }

    static String userBody(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    /** Logs the demo user in and insists on success. */
    Login loginDemo() {
        return login(DemoAccount.ACCOUNT_ID, userBody(DemoAccount.USERNAME, DemoAccount.PASSWORD));
    }

    Login login(String account, String body) {
        var response = loginRaw(account, body);
        if (response.statusCode() != 200) {
            throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
        }
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        var parsed = json(response.body());
        return new Login(cookie, (String) parsed.get("csrf"), (String) parsed.get("bearer"), parsed);
    }

    HttpResponse<String> refresh(Login login) {
        return postWithCookie("/api/account/" + DemoAccount.ACCOUNT_ID + "/refresh", login.cookie(),
                csrfBody(login.csrf()));
    }

    HttpResponse<String> logout(Login login) {
        return postWithCookie("/api/account/" + DemoAccount.ACCOUNT_ID + "/logout", login.cookie(),
                csrfBody(login.csrf()));
    }

    static String csrfBody(String csrf) {
        return "{\"csrf\":\"" + csrf + "\"}";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String body) {
        return JSONB.fromJson(body, LinkedHashMap.class);
    }

    /** The {@code error} object of a spec §3.6 error body. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> error(HttpResponse<String> response) {
        return (Map<String, Object>) json(response.body()).get("error");
    }
}
