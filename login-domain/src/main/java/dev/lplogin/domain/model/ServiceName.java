package dev.lplogin.domain.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A LivePerson service name as the Domain API knows it, e.g. {@code agentVep} (spec §2). Case sensitive.
 *
 * @param value 1–64 of {@code [A-Za-z0-9_.-]}
 */
public record ServiceName(String value) {

    // VALID must be initialised before LOGIN: static fields initialise in order, and LOGIN's constructor uses VALID.
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** The Login Service (spec §1, step 1). */
    public static final ServiceName LOGIN = new ServiceName("agentVep");

    public ServiceName {
        Objects.requireNonNull(value, "service name");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("service name must be 1-64 of [A-Za-z0-9_.-], e.g. agentVep");
        }
    }

    public static ServiceName of(String value) {
        return new ServiceName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
