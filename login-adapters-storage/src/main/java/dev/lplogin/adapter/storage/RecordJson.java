package dev.lplogin.adapter.storage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The few JSON shapes of the store's files, read and written without a general-purpose binder. Why by hand: a
 * command that only reads a fresh stored session ({@code lp-login token}) would otherwise load a JSON-B
 * implementation (hundreds of classes, a good part of its start-up) to read half a kilobyte. The output is what
 * Yasson wrote before, byte for byte: members in lexicographic order, absent (null) members left out, no whitespace,
 * only {@code "}, {@code \} and control characters escaped (a test compares the two).
 *
 * <p>Values are {@code Map<String, Object>} (objects, insertion order), {@code List<Object>}, {@link String},
 * {@link BigDecimal}, {@link Boolean} and {@code null}. Parsing is strict RFC 8259 and fails with
 * {@link IllegalArgumentException} on anything else, including trailing content and nesting deeper than
 * {@value #MAX_DEPTH}. Stateless and thread-safe.
 */
final class RecordJson {

    private static final int MAX_DEPTH = 16;

    private RecordJson() {
    }

    // ---- writing

    /** {@code members} as one JSON object, members sorted by name, null values left out. */
    static String object(Map<String, ?> members) {
        StringBuilder out = new StringBuilder(256);
        writeObject(out, members);
        return out.toString();
    }

    private static void writeObject(StringBuilder out, Map<String, ?> members) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, ?> member : new TreeMap<>(members).entrySet()) {
            if (member.getValue() == null) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(out, member.getKey());
            out.append(':');
            writeValue(out, member.getValue());
        }
        out.append('}');
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(StringBuilder out, Object value) {
        switch (value) {
            case String s -> writeString(out, s);
            case Boolean b -> out.append(b.booleanValue());
            case Integer i -> out.append(i.intValue());
            case Long l -> out.append(l.longValue());
            case Map<?, ?> m -> writeObject(out, (Map<String, ?>) m);
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    writeValue(out, list.get(i));
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("no JSON form for " + value.getClass().getSimpleName());
        }
    }

    private static void writeString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    // ---- reading

    /**
     * The JSON object in {@code text}.
     *
     * @throws IllegalArgumentException if {@code text} is not exactly one well-formed JSON object
     */
    static Map<String, Object> parseObject(String text) {
        Parser parser = new Parser(text);
        parser.skipWhitespace();
        if (parser.peek() != '{') {
            throw parser.error("an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) parser.value(0);
        parser.skipWhitespace();
        if (parser.pos != text.length()) {
            throw parser.error("the end");
        }
        return object;
    }

    /** A string member, or null if absent or JSON null. */
    static String string(Map<String, Object> object, String name) {
        return as(object, name, String.class);
    }

    /** An integral number member that fits a long, or null if absent or JSON null. */
    static Long integer(Map<String, Object> object, String name) {
        BigDecimal n = as(object, name, BigDecimal.class);
        if (n == null) {
            return null;
        }
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("member '" + name + "' is not an integer that fits 64 bits");
        }
    }

    /** A boolean member, or null if absent or JSON null. */
    static Boolean bool(Map<String, Object> object, String name) {
        return as(object, name, Boolean.class);
    }

    /** An object member, or null if absent or JSON null. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> object, String name) {
        return as(object, name, Map.class);
    }

    /** An array member, or null if absent or JSON null. */
    @SuppressWarnings("unchecked")
    static List<Object> array(Map<String, Object> object, String name) {
        return as(object, name, List.class);
    }

    private static <T> T as(Map<String, Object> object, String name, Class<T> type) {
        Object value = object.get(name);
        if (value == null) {
            return null;
        }
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("member '" + name + "' is not a JSON " + switch (type.getSimpleName()) {
                case "BigDecimal" -> "number";
                case "Map" -> "object";
                case "List" -> "array";
                default -> type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
            });
        }
        return type.cast(value);
    }

    /** A recursive-descent parser over one string; positions in messages, never content (it may be a secret). */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("expected " + expected + " at offset " + pos);
        }

        void skipWhitespace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("less nesting");
            }
            skipWhitespace();
            char c = peek();
            return switch (c) {
                case '{' -> objectValue(depth);
                case '[' -> arrayValue(depth);
                case '"' -> stringValue();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw error("a value");
                }
            };
        }

        private Map<String, Object> objectValue(int depth) {
            Map<String, Object> members = new LinkedHashMap<>();
            pos++;
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return members;
            }
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw error("a member name");
                }
                String name = stringValue();
                skipWhitespace();
                expect(':');
                members.put(name, value(depth + 1));
                skipWhitespace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() == '}') {
                    pos++;
                    return members;
                } else {
                    throw error("',' or '}'");
                }
            }
        }

        private List<Object> arrayValue(int depth) {
            List<Object> items = new ArrayList<>();
            pos++;
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return Collections.unmodifiableList(items);
            }
            while (true) {
                items.add(value(depth + 1));
                skipWhitespace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() == ']') {
                    pos++;
                    return Collections.unmodifiableList(items);
                } else {
                    throw error("',' or ']'");
                }
            }
        }

        private String stringValue() {
            pos++;   // the opening quote
            StringBuilder s = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw error("the end of a string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return s.toString();
                }
                if (c < 0x20) {
                    throw error("no control character in a string");
                }
                if (c != '\\') {
                    s.append(c);
                    continue;
                }
                if (pos >= text.length()) {
                    throw error("an escape");
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> s.append(e);
                    case 'b' -> s.append('\b');
                    case 'f' -> s.append('\f');
                    case 'n' -> s.append('\n');
                    case 'r' -> s.append('\r');
                    case 't' -> s.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("four hex digits");
                        }
                        int code = 0;
                        for (int i = 0; i < 4; i++) {
                            int digit = Character.digit(text.charAt(pos++), 16);
                            if (digit < 0) {
                                throw error("a hex digit");
                            }
                            code = code * 16 + digit;
                        }
                        s.append((char) code);
                    }
                    default -> throw error("a valid escape");
                }
            }
        }

        private BigDecimal number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            if (peek() == '0') {
                pos++;
            } else if (peek() >= '1' && peek() <= '9') {
                digits();
            } else {
                throw error("a digit");
            }
            if (peek() == '.') {
                pos++;
                if (!Character.isDigit(peek())) {
                    throw error("a digit");
                }
                digits();
            }
            if (peek() == 'e' || peek() == 'E') {
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                if (!Character.isDigit(peek())) {
                    throw error("a digit");
                }
                digits();
            }
            return new BigDecimal(text.substring(start, pos));
        }

        private void digits() {
            while (peek() >= '0' && peek() <= '9') {
                pos++;
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error("a value");
            }
            pos += word.length();
            return value;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("'" + c + "'");
            }
            pos++;
        }
    }
}
