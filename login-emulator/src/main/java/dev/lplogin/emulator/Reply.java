package dev.lplogin.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, extra headers, body (empty for none). */
record Reply(int status, Map<String, String> headers, byte[] body) {

    Reply {
        headers = Map.copyOf(headers);
    }

    static Reply json(int status, Object body) {
        return new Reply(status, Map.of("Content-Type", "application/json; charset=utf-8"), JsonCodec.write(body));
    }

    static Reply empty(int status) {
        return new Reply(status, Map.of(), new byte[0]);
    }

    Reply withHeader(String name, String value) {
        var more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, more, body);
    }
}
