package dev.lplogin.emulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the emulator does when a user whose session is live logs in again. LivePerson's documentation describes both
 * of the first two behaviours (spec §3.5), so a client must cope with either.
 */
public enum SecondLogin {

    /** The new login succeeds and ends the live session: its refresh answers 401, its bearer stops working. */
    KICK_OUT,

    /**
     * The new login is answered 429 with {@code Retry-After} = the seconds until the live session would expire if
     * nobody refreshed it; the live session stays alive (spec §3.5 explains the status).
     */
    REFUSE,

    /** Both sessions live on (not LivePerson's behaviour; useful to load-test many sessions of one user). */
    ALLOW;

    /** The option value, e.g. {@code kick-out}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The mode an option value names: {@code kick-out}, {@code refuse} or {@code allow}.
     *
     * @throws IllegalArgumentException naming the values allowed
     */
    public static SecondLogin fromOptionValue(String value) {
        for (SecondLogin mode : values()) {
            if (mode.optionValue().equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("second login must be one of " + Arrays.stream(values())
                .map(SecondLogin::optionValue).collect(Collectors.joining(", ")) + ", got '" + value + "'");
    }
}
