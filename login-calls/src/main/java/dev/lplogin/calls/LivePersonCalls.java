package dev.lplogin.calls;

import dev.lplogin.adapter.http.HttpTransport;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.InfrastructureException;
import dev.lplogin.domain.port.Operation;
import dev.lplogin.domain.usecase.LoginUseCase;
import dev.lplogin.domain.usecase.SessionUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;

/**
 * Sends {@link ServiceCall}s to LivePerson services with the bearer of their session, and handles the 401 that a
 * dropped session causes — once, for every caller at once.
 *
 * <pre>{@code
 * LivePersonCalls calls = new LivePersonCalls(login, transport);
 * HttpResponse<String> skills = calls.send(ServiceCall.get(key, ServiceName.of("accountConfigReadOnly"),
 *         "/api/account/{accountId}/configuration/le-users/skills?v=2.0"), BodyHandlers.ofString());
 * }</pre>
 *
 * <p>For each call it finds the service's host with {@link LoginUseCase#serviceHost} (answered from the Domain API
 * cache that every login seeds; an answer is used for {@link #ORIGIN_MEMO} before the core is asked again), takes
 * {@link LoginUseCase#bearer} (a volatile read on a fresh session), sets
 * {@code Authorization: Bearer …} and the transport's {@code User-Agent} (unless the call sets its own), and sends
 * once on the shared {@link HttpTransport}.
 *
 * <p><b>A 401</b> means the bearer is no longer valid. If the session's current bearer is still the one the call
 * carried, the helper {@linkplain LoginUseCase#invalidate invalidates} it and takes the next one (the core logs in
 * once however many calls report the same bearer); if another caller has already replaced it, the current one is
 * used without invalidating anything. The call is then replayed <b>once</b>, if its {@linkplain CallBody#replayable()
 * body can be sent twice}; a second 401 is returned as it is. A call with a one-shot body is not replayed: its 401 is
 * returned (and its bearer invalidated, so that the next call gets a new one).
 *
 * <p><b>Nothing else is replayed</b>: not a 403 (the bearer is valid but lacks the permission, RFC 6750 §3.1 — a new
 * login would not help), not a 5xx, a connection failure or a timeout — unless the method is idempotent, the body
 * replayable and {@link CallSettings#retryIdempotentCalls()} on, when LivePerson's retry policy applies. Redirects
 * are never followed (the transport's client does not follow them): a 3xx is returned as it is, so the bearer never
 * travels to a host the Domain API did not name.
 *
 * <p><b>Errors:</b> {@link SessionUnavailableException} when no bearer can be had; {@link InfrastructureException}
 * (operation {@link Operation#API_CALL}) when no answer came, and when the service is unknown to the Domain API;
 * {@link IllegalArgumentException} for a call that cannot be sent as written. No message holds a secret. Any answer
 * that came — 2xx, 4xx, 5xx, 3xx — is returned, not thrown.
 *
 * <p>Thread-safe; share one per application.
 */
public final class LivePersonCalls {

    private static final Logger LOG = Logger.getLogger(LivePersonCalls.class.getName());
    private static final int UNAUTHORIZED = 401;
    /** How long a service's origin is used without asking {@link LoginUseCase#serviceHost} again. */
    public static final Duration ORIGIN_MEMO = Duration.ofSeconds(5);

    private final LoginUseCase login;
    private final HttpTransport transport;
    private final CallSettings settings;
    private final Duration timeout;
    private final String userAgent;
    private final ConcurrentMap<Route, Origin> origins = new ConcurrentHashMap<>();

    /** Calls with {@link CallSettings#defaults()}. */
    public LivePersonCalls(LoginUseCase login, HttpTransport transport) {
        this(login, transport, CallSettings.defaults());
    }

    /**
     * @param login     the core whose sessions give the bearers and hosts
     * @param transport the HTTP transport to send on; the same one the core's adapters use shares their connections
     * @param settings  timeout and retry of idempotent calls
     */
    public LivePersonCalls(LoginUseCase login, HttpTransport transport, CallSettings settings) {
        this.login = Objects.requireNonNull(login, "login");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.timeout = settings.requestTimeout().orElse(transport.settings().requestTimeout());
        this.userAgent = transport.settings().userAgent();
    }

    /**
     * Sends the call and returns the service's answer, whatever its status, after at most one replay on a 401.
     *
     * @param handler how to read the answer's body (any JDK handler; streaming ones included)
     * @throws SessionUnavailableException if no bearer can be had for the call's session
     * @throws InfrastructureException     if no answer came, or the account has no such service
     * @throws IllegalArgumentException    if the path cannot form a URL with the service's host
     */
    public <T> HttpResponse<T> send(ServiceCall call, BodyHandler<T> handler) {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(handler, "handler");
        URI uri = uri(call);
        Secret used = login.bearer(call.key());
        boolean replayable = call.body().replayable();
        HttpResponse<T> answer = sendWithRetries(call, uri, used, handler, replayable);
        if (answer.statusCode() != UNAUTHORIZED) {
            return answer;
        }
        if (!replayable) {
            // Sent once and gone: the caller gets the 401, the next call a new bearer.
            login.invalidate(call.key(), used);
            LOG.fine(() -> call.method() + " " + uri.getRawAuthority() + " answered 401; its one-shot body is not "
                    + "replayed");
            return answer;
        }
        Secret next = bearerAfter401(call.key(), used);
        LOG.fine(() -> call.method() + " " + uri.getRawAuthority() + " answered 401; replaying once with "
                + (next.equals(used) ? "the same" : "the next") + " bearer");
        return sendWithRetries(call, uri, next, handler, false);
    }

    /**
     * {@link #send} on a virtual thread of its own, so that a login after a 401 never blocks the caller or the HTTP
     * client's threads. The future fails with what {@link #send} throws; cancelling it interrupts the call.
     */
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(ServiceCall call, BodyHandler<T> handler) {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(handler, "handler");
        var answer = new CompletableFuture<HttpResponse<T>>();
        Thread worker = Thread.ofVirtual().name("lp-login-call").unstarted(() -> {
            try {
                answer.complete(send(call, handler));
            } catch (Throwable failure) {
                answer.completeExceptionally(failure);
            }
        });
        answer.whenComplete((done, failure) -> {
            if (answer.isCancelled()) {
                worker.interrupt();
            }
        });
        worker.start();
        return answer;
    }

    /**
     * The bearer to replay with after {@code used} was answered 401: the current one if another caller already
     * replaced it, else the next one after invalidating {@code used} (one login however many callers get here).
     */
    private Secret bearerAfter401(SessionKey key, Secret used) {
        Secret current = login.bearer(key);
        if (!current.equals(used)) {
            return current;
        }
        login.invalidate(key, used);
        return login.bearer(key);
    }

    private URI uri(ServiceCall call) {
        String origin = origin(call.key().account(), call.service());
        try {
            return URI.create(origin + call.resolvedPathAndQuery());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the path and query do not form a URL with the host of "
                    + call.service() + ": percent-encode reserved characters");
        }
    }

    /**
     * The origin ({@code https://host[:port]}) of a service, remembered for {@link #ORIGIN_MEMO}: the Domain API's
     * answers are cached for minutes anyway, but {@link LoginUseCase#serviceHost} validates the cached answer again on
     * every call, which cost more than the rest of the helper together (measured with {@code bin/bench calls}).
     */
    private String origin(AccountId account, ServiceName service) {
        var route = new Route(account, service);
        long now = System.nanoTime();
        Origin known = origins.get(route);
        if (known != null && now - known.resolvedAt() < ORIGIN_MEMO.toNanos()) {
            return known.origin();
        }
        ServiceHost host = login.serviceHost(account, service);
        String origin = transport.origin(host).toString();
        origins.put(route, new Origin(origin, now));
        return origin;
    }

    /** A service of an account, the key of the remembered origins. */
    private record Route(AccountId account, ServiceName service) {
    }

    /** An origin and when it was resolved ({@link System#nanoTime()}). */
    private record Origin(String origin, long resolvedAt) {
    }

    /**
     * One send, or several under LivePerson's retry policy when the settings and the call allow it. The body of an
     * answer that will not be returned (a 401 about to be replayed, a 5xx about to be retried) is dropped unread.
     */
    private <T> HttpResponse<T> sendWithRetries(ServiceCall call, URI uri, Secret bearer, BodyHandler<T> handler,
            boolean replayingA401) {
        boolean retrying = settings.retryIdempotentCalls() && call.idempotent() && call.body().replayable();
        List<Duration> delays = retrying ? transport.settings().retryDelays() : List.of();
        for (int attempt = 0; ; attempt++) {
            boolean lastAttempt = attempt >= delays.size();
            HttpRequest request = request(call, uri, bearer);
            try {
                HttpResponse<T> answer = transport.send(request, info -> {
                    boolean dropped = (info.statusCode() == UNAUTHORIZED && replayingA401)
                            || (info.statusCode() >= 500 && !lastAttempt);
                    return dropped ? BodySubscribers.replacing(null) : handler.apply(info);
                });
                if (answer.statusCode() < 500 || lastAttempt) {
                    return answer;
                }
            } catch (IOException e) {
                if (lastAttempt || !worthRetrying(e)) {
                    throw transport.failure(Operation.API_CALL, request, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw transport.failure(Operation.API_CALL, request, e);
            }
            pause(delays.get(attempt), request);
        }
    }

    private HttpRequest request(ServiceCall call, URI uri, Secret bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
        if (call.body() == CallBody.none() && call.method().equals("GET")) {
            builder.GET();   // no body publisher at all: the client skips subscribing to an empty one
        } else {
            builder.method(call.method(), call.body().publisher());
        }
        boolean ownUserAgent = false;
        for (ServiceCall.Header header : call.headers()) {
            builder.header(header.name(), header.value());
            ownUserAgent |= header.name().equalsIgnoreCase("User-Agent");
        }
        if (!ownUserAgent) {
            builder.header("User-Agent", userAgent);
        }
        return builder.header("Authorization", "Bearer " + bearer.reveal()).build();
    }

    private void pause(Duration delay, HttpRequest request) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw transport.failure(Operation.API_CALL, request, e);
        }
    }

    /** A failed attempt is retried unless it was about trust: a certificate problem is never cured by waiting. */
    private static boolean worthRetrying(IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof GeneralSecurityException) {
                return false;
            }
        }
        return true;
    }
}
