package dev.lplogin.domain.port;

import java.util.Objects;

/**
 * The account or user is blocked by LivePerson support (451, spec §3.1, §3.4). Never retried, ever: a person has to
 * contact LivePerson.
 *
 * @param detail what the service said (never a secret); may be empty
 */
public record Blocked(String detail) implements LoginOutcome, RefreshOutcome {
    public Blocked {
        Objects.requireNonNull(detail, "detail");
    }
}
