package dev.lplogin.emulator;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.nio.charset.StandardCharsets;

/** The one JSON-B instance the emulator uses (thread-safe), and strict reading of request bodies. */
final class JsonCodec {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private JsonCodec() {
    }

    static byte[] write(Object value) {
        return JSONB.toJson(value).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a JSON object into a record.
     *
     * @throws Rejection 400 if the body is empty, not JSON, or not an object of that shape
     */
    static <T> T read(byte[] body, Class<T> type, String what) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (!text.startsWith("{")) {
            throw new Rejection(400, "the body must be a JSON object: " + what);
        }
        try {
            T value = JSONB.fromJson(text, type);
            if (value == null) {
                throw new Rejection(400, "the body must be a JSON object: " + what);
            }
            return value;
        } catch (JsonbException e) {
            // The parser's message may quote the body, which can hold secrets: say only what was expected.
            throw new Rejection(400, "the body is not valid JSON of the expected shape: " + what);
        }
    }
}
