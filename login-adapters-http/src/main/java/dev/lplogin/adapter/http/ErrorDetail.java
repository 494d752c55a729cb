package dev.lplogin.adapter.http;

import dev.lplogin.adapter.http.json.ErrorAnswerJson;
import dev.lplogin.adapter.http.json.ErrorJson;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;

/**
 * What an error answer says (spec §3.2, §3.6), read leniently: an error body that is missing or not the documented
 * shape yields an empty message rather than a second error.
 *
 * @param message      the service's message, cleaned for display (no control characters, at most 200 characters)
 * @param internalCode the service's code, {@code -1} if none; {@code 10} means the csrf did not match
 */
record ErrorDetail(String message, int internalCode) {

    /** {@code internalCode} of a csrf mismatch on refresh or logout (spec §3.2). */
    static final int CSRF_MISMATCH = 10;

    private static final int MAX_MESSAGE = 200;

    static ErrorDetail of(Answer answer, Jsonb jsonb) {
        if (answer.isBlank()) {
            return new ErrorDetail("", -1);
        }
        try {
            ErrorAnswerJson parsed = jsonb.fromJson(answer.text(), ErrorAnswerJson.class);
            ErrorJson error = parsed == null ? null : parsed.error();
            if (error == null) {
                return new ErrorDetail("", -1);
            }
            return new ErrorDetail(Printable.of(error.message(), MAX_MESSAGE), error.internalCode() == null ? -1 : error.internalCode());
        } catch (JsonbException notTheDocumentedShape) {
            return new ErrorDetail("", -1);
        }
    }

    boolean isCsrfMismatch() {
        return internalCode == CSRF_MISMATCH;
    }

    /** {@code ": <message>"}, or nothing when the service gave none; for appending to our own messages. */
    String suffix() {
        return message.isEmpty() ? "" : ": " + message;
    }
}
