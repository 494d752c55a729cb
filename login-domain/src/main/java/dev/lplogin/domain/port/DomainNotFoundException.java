package dev.lplogin.domain.port;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.ServiceName;
import java.util.Objects;

/** The Domain API knows no host for this account and service (spec §2 decision). Not retryable. */
public final class DomainNotFoundException extends InfrastructureException {

    private static final long serialVersionUID = 1L;

    private final AccountId account;
    private final ServiceName service;

    public DomainNotFoundException(AccountId account, ServiceName service) {
        super(Operation.DOMAIN_LOOKUP, "no host for service '" + Objects.requireNonNull(service, "service")
                + "' of account " + Objects.requireNonNull(account, "account")
                + "; check the account id (and the Domain API address, if one is configured)", null);
        this.account = account;
        this.service = service;
    }

    public AccountId account() {
        return account;
    }

    public ServiceName service() {
        return service;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
