package dev.lplogin.domain.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A LivePerson account (site) id such as {@code 12345678}. Restricted to 1–64 of {@code [A-Za-z0-9_-]} so that it can
 * be placed in a URL path segment or a file name without escaping and can never inject a path.
 *
 * @param value the id; never null
 */
public record AccountId(String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** @throws IllegalArgumentException if {@code value} is not 1–64 of {@code [A-Za-z0-9_-]} */
    public AccountId {
        Objects.requireNonNull(value, "account id");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "account id must be 1-64 letters, digits, '_' or '-' (e.g. 12345678), got '" + printable(value) + "'");
        }
    }

    /** Same as the constructor; reads better at call sites. */
    public static AccountId of(String value) {
        return new AccountId(value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String printable(String value) {
        String shown = value.length() > 70 ? value.substring(0, 70) + "…" : value;
        return shown.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
