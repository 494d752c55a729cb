package dev.lplogin.archfixture.calls;

import dev.lplogin.archfixture.adapter.http.HttpTransport;
import dev.lplogin.archfixture.domain.usecase.FixtureUseCase;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Obeys every rule: the calls helper drives the driving port, builds java.net.http requests and sends them on the
 * HTTP adapter's transport.
 */
public final class FixtureCall {

    private final FixtureUseCase login;
    private final HttpTransport transport;

    public FixtureCall(FixtureUseCase login, HttpTransport transport) {
        this.login = login;
        this.transport = transport;
    }

    public String send(String key) {
        return transport.send(HttpRequest.newBuilder(URI.create("https://example.invalid/"))
                .header("Authorization", "Bearer " + login.bearer(key)).build());
    }
}
