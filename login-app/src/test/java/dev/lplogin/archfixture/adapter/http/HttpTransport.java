package dev.lplogin.archfixture.adapter.http;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/** Obeys every rule: the HTTP adapter's shared transport, the one thing of it the calls helper may use. */
public final class HttpTransport {

    private final HttpClient client;

    public HttpTransport(HttpClient client) {
        this.client = client;
    }

    public String send(HttpRequest request) {
        return client + " " + request.uri();
    }
}
