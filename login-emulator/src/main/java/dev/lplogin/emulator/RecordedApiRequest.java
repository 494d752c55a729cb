package dev.lplogin.emulator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to a protected API ({@link Endpoint#isProtectedApi()}) as {@link LoginEmulator#apiRequests()} and
 * {@code GET /_emulator/api-requests} list it: enough to check what a client or proxy sent, without any secret. Only
 * header <em>names</em> are kept, never values.
 *
 * @param endpoint    which protected API
 * @param method      the HTTP method
 * @param path        the raw path, e.g. {@code /api/account/12345678/configuration/le-users/skills}
 * @param query       the raw query string, if there was one
 * @param status      the status answered, 0 if the connection was dropped without an answer (a {@code reset} fault)
 * @param headerNames the request's header names, lower-case, sorted, each once
 */
public record RecordedApiRequest(Endpoint endpoint, String method, String path, Optional<String> query, int status,
                                 List<String> headerNames) {

    /** Copies the list. */
    public RecordedApiRequest {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        headerNames = List.copyOf(headerNames);
    }
}
