package dev.lplogin.archfixture.domain.model;

import java.net.http.HttpClient;

/** Breaks the domain's JDK allow-list and the HTTP adapter's monopoly on java.net.http. */
public record HttpValue(HttpClient client) {
}
