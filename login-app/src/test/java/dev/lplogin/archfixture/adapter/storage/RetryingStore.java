package dev.lplogin.archfixture.adapter.storage;

import dev.failsafe.RetryPolicy;
import java.net.http.HttpRequest;

/** Breaks the HTTP adapter's monopoly on Failsafe and java.net.http. */
public final class RetryingStore {

    private final RetryPolicy<Object> retry = RetryPolicy.ofDefaults();

    public String describe(HttpRequest request) {
        return request.uri() + " " + retry;
    }
}
