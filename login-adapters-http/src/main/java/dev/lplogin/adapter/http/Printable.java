package dev.lplogin.adapter.http;

/** Makes text from a remote answer safe to put in a message: no control characters, bounded length. */
final class Printable {

    private Printable() {
    }

    /** {@code text} with control characters as spaces, stripped, cut at {@code max} characters; null as "". */
    static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        String printable = text.codePoints()
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().strip();
        return printable.length() > max ? printable.substring(0, max) + "…" : printable;
    }
}
