package dev.lplogin.archfixture.calls;

import java.net.http.HttpClient;

/** Breaks "only the HTTP adapter uses the HTTP client": the calls helper building a client of its own. */
public final class ClientBuildingCall {

    private final HttpClient client = HttpClient.newBuilder().build();

    public String client() {
        return client.toString();
    }
}
