package dev.lplogin.domain.model;

import java.util.Objects;

/** Shared checks for the validating constructors of this package; messages never echo secret values. */
final class Validation {

    private Validation() {
    }

    /** Non-null, non-blank, at most {@code max} characters, no control characters; returns the value. */
    static String text(String value, String what, int max) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(what + " must be at most " + max + " characters, got " + value.length());
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must not contain control characters");
        }
        return value;
    }
}
