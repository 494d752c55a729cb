package dev.lplogin.domain.port;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import java.util.Map;

/**
 * Finds the host of a LivePerson service for an account — the Domain API, CSDS (spec §2).
 *
 * <p><b>Thread-safety:</b> implementations are safe for concurrent use. <b>Nulls:</b> no argument may be null and no
 * method returns null. <b>Errors:</b> {@link DomainNotFoundException} when the account has no such service (never
 * retried), {@link ServiceUnavailableException} when the lookup service cannot be reached and no usable cached answer
 * exists, {@link ProtocolViolationException} when the answer is unusable (e.g. a {@code baseURI} that is not a bare
 * host[:port]). Implementations may cache; they decide the policy (spec §2 decision: 10 minutes, stale-if-error 24 h).
 */
public interface DomainLookup {

    /** The host of {@code service} for {@code account}. */
    ServiceHost lookup(AccountId account, ServiceName service);

    /** Every service host the account has; never empty (an account without any is {@link DomainNotFoundException}). */
    Map<ServiceName, ServiceHost> lookupAll(AccountId account);

    /**
     * Offers hosts learned elsewhere (a login answer's {@code csdsCollectionResponse}, spec §3.1) so later lookups
     * need no request. Implementations may ignore it; the default does.
     */
    default void seed(AccountId account, Map<ServiceName, ServiceHost> services) {
    }
}
