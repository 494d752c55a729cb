package dev.lplogin.archfixture.adapter.http;

import dev.failsafe.RetryPolicy;
import dev.lplogin.archfixture.domain.port.FixturePort;
import jakarta.json.bind.Jsonb;
import java.net.http.HttpClient;

/** Obeys every rule: the HTTP adapter may use java.net.http, Failsafe, JSON-B and its own wire records. */
public final class HttpGateway implements FixturePort {

    private final HttpClient client;
    private final RetryPolicy<Object> retry;
    private final Jsonb jsonb;

    public HttpGateway(HttpClient client, RetryPolicy<Object> retry, Jsonb jsonb) {
        this.client = client;
        this.retry = retry;
        this.jsonb = jsonb;
    }

    @Override
    public String fetch(String key) {
        return jsonb.fromJson(key, TokenJson.class).bearer() + client + retry;
    }
}
