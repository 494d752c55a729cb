package dev.lplogin.adapter.http.json;

/** An error answer of the Login Service (spec §3.2, §3.6): {@code {"error":{…}}}. */
public record ErrorAnswerJson(ErrorJson error) {
}
