package dev.lplogin.adapter.http;

import dev.lplogin.adapter.http.json.BaseUriJson;
import dev.lplogin.adapter.http.json.BaseUrisJson;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.port.DomainLookup;
import dev.lplogin.domain.port.DomainNotFoundException;
import dev.lplogin.domain.port.Operation;
import dev.lplogin.domain.port.ProtocolViolationException;
import dev.lplogin.domain.port.ServiceUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;

/**
 * The Domain API (CSDS, spec §2) over HTTPS, with the cache spec §2 decides on:
 * <ul>
 *   <li>one all-services request per account fills the cache for every service of that account; a service missing
 *       from it is confirmed with the single-service request before it is reported as not found;</li>
 *   <li>answers are used for {@link HttpSettings#cacheTtl()} (default 10 min); concurrent lookups of an account
 *       whose answer is missing share one request;</li>
 *   <li>stale while revalidate: an expired answer younger than {@link HttpSettings#staleWhileRevalidateFor()}
 *       (default 24 h) is returned at once, and one background request per account fetches it again; so a
 *       re-login after a long idle never waits for the Domain API. A background request that fails keeps the old
 *       answer (with a warning) and is not tried again for {@link #REVALIDATION_BACKOFF}; one that finds the
 *       account gone drops it;</li>
 *   <li>an answer older than that is fetched on the caller's thread; while the Domain API fails (5xx, network,
 *       timeout, 429 past the budget) an expired answer younger than {@link HttpSettings#staleIfErrorFor()}
 *       (default 24 h) is used, with a warning;</li>
 *   <li>{@link HttpSettings#overrides()} win over the Domain API on every lookup; {@link #seed} takes the hosts of a
 *       login answer.</li>
 * </ul>
 * Every {@code baseURI} is validated as a bare host[:port] before it is returned; anything else is a
 * {@link ProtocolViolationException} naming the service. An unknown account or service is a
 * {@link DomainNotFoundException}, never retried.
 *
 * <p>Thread-safe. No argument may be null.
 */
public final class HttpDomainLookup implements DomainLookup {

    private static final Logger LOG = Logger.getLogger(HttpDomainLookup.class.getPackageName());

    /** How long after a failed background revalidation an account's stale answer is served without trying again. */
    public static final Duration REVALIDATION_BACKOFF = Duration.ofMinutes(1);

    private final HttpTransport transport;
    private final HttpSettings settings;
    private final InstantSource clock;
    private final ConcurrentMap<AccountId, CachedServices> cache = new ConcurrentHashMap<>();
    private final SharedFetch<AccountId, Optional<CachedServices>> allServices =
            new SharedFetch<>(Operation.DOMAIN_LOOKUP);
    private final SharedFetch<AccountService, Optional<String>> oneService =
            new SharedFetch<>(Operation.DOMAIN_LOOKUP);
    /** Accounts with a background revalidation running: at most one each. */
    private final ConcurrentMap<AccountId, Thread> revalidating = new ConcurrentHashMap<>();
    /** Accounts whose last background revalidation failed, and when the next may start. */
    private final ConcurrentMap<AccountId, Instant> backingOff = new ConcurrentHashMap<>();

    /**
     * @param transport the shared HTTP transport; its settings give the Domain API URL, cache TTL, stale period and
     *                  overrides
     * @param clock     decides when cached answers expire
     */
    public HttpDomainLookup(HttpTransport transport, InstantSource clock) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.settings = transport.settings();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ServiceHost lookup(AccountId account, ServiceName service) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(service, "service");
        ServiceHost override = settings.overrides().get(service);
        if (override != null) {
            return override;
        }
        CachedServices services = services(account).orElseThrow(() -> new DomainNotFoundException(account, service));
        String baseUri = services.baseUris().get(service);
        if (baseUri == null) {
            baseUri = fetchOne(account, service).orElseThrow(() -> new DomainNotFoundException(account, service));
        }
        return validHost(account, service, baseUri);
    }

    @Override
    public Map<ServiceName, ServiceHost> lookupAll(AccountId account) {
        Objects.requireNonNull(account, "account");
        // An account without services is "not found"; the port's exception names a service, and agentVep is the
        // one every account has.
        CachedServices services = services(account)
                .orElseThrow(() -> new DomainNotFoundException(account, ServiceName.LOGIN));
        Map<ServiceName, ServiceHost> hosts = new LinkedHashMap<>();
        services.baseUris().forEach((service, baseUri) -> hosts.put(service, validHost(account, service, baseUri)));
        hosts.putAll(settings.overrides());
        return Map.copyOf(hosts);
    }

    /** Takes the hosts of a login answer's {@code csdsCollectionResponse} (spec §3.1) as a fresh answer. */
    @Override
    public void seed(AccountId account, Map<ServiceName, ServiceHost> services) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(services, "services");
        if (services.isEmpty()) {
            return;
        }
        Map<ServiceName, String> seeded = new HashMap<>();
        services.forEach((service, host) -> seeded.put(service, host.value()));
        Instant now = clock.instant();
        cache.compute(account, (key, old) -> old != null && old.freshAt(now, settings.cacheTtl())
                ? old.with(seeded, now)
                : new CachedServices(seeded, now));
    }

    /**
     * The account's services: cached if fresh; cached and revalidated in the background if stale but young enough;
     * else fetched once for all concurrent callers (or, while that fails, stale).
     */
    private Optional<CachedServices> services(AccountId account) {
        CachedServices cached = cache.get(account);
        Instant now = clock.instant();
        if (cached != null && cached.freshAt(now, settings.cacheTtl())) {
            return Optional.of(cached);
        }
        if (cached != null && cached.freshAt(now, settings.staleWhileRevalidateFor())) {
            revalidateInBackground(account, now);
            return Optional.of(cached);
        }
        return fetchShared(account);
    }

    /** Fetches the account's services once for all concurrent callers; while that fails, a young enough stale one. */
    private Optional<CachedServices> fetchShared(AccountId account) {
        return allServices.run(account, () -> {
            // Checked again: a caller that finished just before this one may have filled the cache.
            CachedServices last = cache.get(account);
            Instant now = clock.instant();
            if (last != null && last.freshAt(now, settings.cacheTtl())) {
                return Optional.of(last);
            }
            try {
                Optional<CachedServices> fetched = fetchAll(account);
                fetched.ifPresentOrElse(services -> cache.put(account, services), () -> cache.remove(account));
                return fetched;
            } catch (ServiceUnavailableException outage) {
                if (last != null && last.usableWhileFailingAt(now, settings.staleIfErrorFor())) {
                    Duration age = Duration.between(last.fetchedAt(), now);
                    LOG.warning(() -> "the Domain API is failing (" + outage.getMessage() + "); using the answer "
                            + "for account " + account + " from " + age.toMinutes() + " min ago");
                    return Optional.of(last);
                }
                throw outage;
            }
        });
    }

    /** Starts the account's background revalidation unless one runs or the last one failed recently. */
    private void revalidateInBackground(AccountId account, Instant now) {
        Instant retryAt = backingOff.get(account);
        if (retryAt != null && now.isBefore(retryAt)) {
            return;
        }
        Thread revalidation = Thread.ofVirtual().name("lp-login-domain-lookup-" + account).unstarted(() -> {
            try {
                revalidate(account);
            } finally {
                revalidating.remove(account);
            }
        });
        if (revalidating.putIfAbsent(account, revalidation) == null) {
            revalidation.start();
        }
    }

    private void revalidate(AccountId account) {
        try {
            Optional<CachedServices> fetched = allServices.run(account, () -> {
                Optional<CachedServices> answer = fetchAll(account);
                answer.ifPresentOrElse(services -> cache.put(account, services), () -> cache.remove(account));
                return answer;
            });
            backingOff.remove(account);
            if (fetched.isEmpty()) {
                LOG.warning(() -> "the Domain API no longer knows account " + account + "; forgot its hosts");
            }
        } catch (RuntimeException failure) {
            backingOff.put(account, clock.instant().plus(REVALIDATION_BACKOFF));
            CachedServices stale = cache.get(account);
            String age = stale == null ? ""
                    : " from " + Duration.between(stale.fetchedAt(), clock.instant()).toMinutes() + " min ago";
            LOG.warning(() -> "could not revalidate the Domain API answer for account " + account + " ("
                    + failure.getMessage() + "); still using the answer" + age + ", next try in "
                    + REVALIDATION_BACKOFF.toSeconds() + " s");
        }
    }

    /**
     * Waits until no background revalidation runs, or {@code timeout} passed; whether none runs. For tests and for
     * callers that want the cache settled.
     */
    boolean awaitRevalidations(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread running : revalidating.values()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !running.join(Duration.ofNanos(left))) {
                return false;
            }
        }
        return revalidating.isEmpty();
    }

    /** The all-services request; empty when the account is unknown (404) or has no services. */
    private Optional<CachedServices> fetchAll(AccountId account) {
        Answer answer = transport.exchange(Operation.DOMAIN_LOOKUP,
                transport.get(transport.endpoints().allServices(account)).build());
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (!answer.isSuccess()) {
            throw failure(answer);
        }
        BaseUrisJson parsed = transport.read(Operation.DOMAIN_LOOKUP, answer, BaseUrisJson.class,
                "the Domain API answer for account " + account);
        Map<ServiceName, String> baseUris = new HashMap<>();
        if (parsed.baseURIs() != null) {
            for (BaseUriJson entry : parsed.baseURIs()) {
                serviceOf(account, entry).ifPresent(service -> baseUris.put(service,
                        Objects.requireNonNullElse(entry.baseURI(), "")));
            }
        }
        return baseUris.isEmpty() ? Optional.empty() : Optional.of(new CachedServices(baseUris, clock.instant()));
    }

    /** The single-service request, once for all concurrent callers; its answer joins the account's cache entry. */
    private Optional<String> fetchOne(AccountId account, ServiceName service) {
        return oneService.run(new AccountService(account, service), () -> {
            Answer answer = transport.exchange(Operation.DOMAIN_LOOKUP,
                    transport.get(transport.endpoints().service(account, service)).build());
            if (answer.status() == 404) {
                return Optional.empty();
            }
            if (!answer.isSuccess()) {
                throw failure(answer);
            }
            BaseUriJson parsed = transport.read(Operation.DOMAIN_LOOKUP, answer, BaseUriJson.class,
                    "the Domain API answer for service '" + service + "' of account " + account);
            if (parsed.baseURI() == null || parsed.baseURI().isEmpty()) {
                return Optional.empty();
            }
            cache.computeIfPresent(account, (key, old) -> old.with(Map.of(service, parsed.baseURI()), old.fetchedAt()));
            return Optional.of(parsed.baseURI());
        });
    }

    // CSDS answers 429 past the budget like an outage: retryable, and the stale answer may stand in.
    private RuntimeException failure(Answer answer) {
        String csds = settings.csdsBaseUrl().toString();
        if (answer.status() == Answer.TOO_MANY_REQUESTS) {
            return new ServiceUnavailableException(Operation.DOMAIN_LOOKUP, "rate limited by " + csds
                    + " (HTTP 429, " + answer.attempts() + ")");
        }
        return transport.unexpected(Operation.DOMAIN_LOOKUP, csds, answer);
    }

    private static Optional<ServiceName> serviceOf(AccountId account, BaseUriJson entry) {
        if (entry == null || entry.account() != null && !entry.account().equals(account.value())) {
            return Optional.empty();   // another account's entry is none of ours
        }
        try {
            return Optional.of(ServiceName.of(entry.service()));
        } catch (IllegalArgumentException | NullPointerException unusable) {
            LOG.fine(() -> "Domain API answer for account " + account + ": skipped an entry with service name '"
                    + Printable.of(entry.service(), 64) + "'");
            return Optional.empty();
        }
    }

    private static ServiceHost validHost(AccountId account, ServiceName service, String baseUri) {
        try {
            return ServiceHost.of(baseUri);
        } catch (IllegalArgumentException invalid) {
            throw new ProtocolViolationException(Operation.DOMAIN_LOOKUP, "the Domain API gave service '" + service
                    + "' of account " + account + " the baseURI '" + Printable.of(baseUri, 100)
                    + "', which is not a bare host[:port]; not connecting to it");
        }
    }

    /** The key of a single-service request. */
    private record AccountService(AccountId account, ServiceName service) {
    }
}
