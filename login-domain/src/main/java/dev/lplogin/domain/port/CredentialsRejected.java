package dev.lplogin.domain.port;

import java.util.Objects;

/**
 * The service refused the credentials (401 on login, spec §3.1): wrong password or secret, unknown user or site.
 * Never retried; the lifecycle stops using these credentials.
 *
 * @param detail what the service said, if anything useful (never a secret); may be empty
 */
public record CredentialsRejected(String detail) implements LoginOutcome {
    public CredentialsRejected {
        Objects.requireNonNull(detail, "detail");
    }
}
