package dev.lplogin.adapter.http.json;

/**
 * One service of an account (spec §2); also the whole single-service Domain API answer.
 *
 * @param baseURI a bare host[:port] — to be validated before any use
 */
public record BaseUriJson(String service, String account, String baseURI) {
}
