package dev.lplogin.adapter.http.json;

/**
 * The inside of an error answer (spec §3.2, §3.6).
 *
 * @param internalCode {@code 10} on refresh and logout means the csrf did not match
 */
public record ErrorJson(String message, Integer internalCode, String responseStatus) {
}
