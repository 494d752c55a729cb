package dev.lplogin.app.cli;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A tiny JSON writer for {@code --json} output (JSON-B stays out of login-app by the architecture rules, and the
 * output is a handful of flat objects). Objects keep insertion order; strings are escaped per RFC 8259.
 */
final class Json {

    private Json() {
    }

    /** A new, empty object. */
    static Obj object() {
        return new Obj();
    }

    /** A JSON object under construction; values are rendered by {@link #render}. Not thread-safe. */
    static final class Obj {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        /** Adds (or replaces) a field; an empty {@link Optional} or {@code null} is written as {@code null}. */
        Obj put(String name, Object value) {
            fields.put(name, value instanceof Optional<?> o ? o.orElse(null) : value);
            return this;
        }

        @Override
        public String toString() {
            return render(this);
        }
    }

    /**
     * {@code value} as JSON: null, strings, numbers, booleans, {@link Obj}, maps (keys as strings), collections; any
     * other object as its {@code toString()} string (e.g. an {@code Instant} in ISO-8601).
     */
    static String render(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b);
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            case Number n when Double.isFinite(n.doubleValue()) -> out.append(n);
            case Obj o -> writeMap(out, o.fields);
            case Map<?, ?> m -> writeMap(out, m);
            case Collection<?> c -> {
                out.append('[');
                boolean first = true;
                for (Object item : c) {
                    out.append(first ? "" : ",");
                    write(out, item);
                    first = false;
                }
                out.append(']');
            }
            default -> string(out, value.toString());
        }
    }

    private static void writeMap(StringBuilder out, Map<?, ?> map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.append(first ? "" : ",");
            string(out, String.valueOf(e.getKey()));
            out.append(':');
            write(out, e.getValue());
            first = false;
        }
        out.append('}');
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
