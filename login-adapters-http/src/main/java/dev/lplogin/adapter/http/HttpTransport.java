package dev.lplogin.adapter.http;

import dev.failsafe.ExecutionContext;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.TimeoutExceededException;
import dev.lplogin.adapter.http.json.SecretAdapter;
import dev.lplogin.domain.port.InfrastructureException;
import dev.lplogin.domain.port.Operation;
import dev.lplogin.domain.port.ProtocolViolationException;
import dev.lplogin.domain.port.RequestRejectedException;
import dev.lplogin.domain.port.ServiceUnavailableException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What both HTTP adapters share: one {@link HttpClient} (persistent connections, proxies from the standard
 * {@link ProxySelector}, no cookie handler, no redirects), one JSON-B instance, and LivePerson's retry policy
 * (spec §3.4) built once from {@link HttpSettings}. Create one per application and pass it to
 * {@link HttpDomainLookup} and {@link HttpAuthGateway} so that they share connections.
 *
 * <p>Thread-safe. {@link #close()} releases the client's threads and connections; the adapters built on a closed
 * transport fail.
 */
public final class HttpTransport implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HttpTransport.class.getPackageName());

    private final HttpSettings settings;
    private final Endpoints endpoints;
    private final HttpClient client;
    private final Jsonb jsonb;
    private final FailsafeExecutor<Answer> policies;
    private final InstantSource clock;

    private HttpTransport(HttpSettings settings) {
        this.settings = settings;
        this.endpoints = new Endpoints(settings.csdsBaseUrl());
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)   // persistent HTTP/1.1 connections, as spec §3.4 recommends
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)   // a redirect would carry credentials elsewhere
                .sslContext(TrustedCertificates.sslContext(settings.extraTrustedCertificate()));
        ProxySelector proxies = ProxySelector.getDefault();
        if (proxies != null) {
            builder.proxy(proxies);
        }
        this.client = builder.build();
        this.jsonb = JsonbBuilder.create(new JsonbConfig().withAdapters(new SecretAdapter()));
        this.policies = Failsafe.with(RetryPolicies.rateLimited(), RetryPolicies.failures(settings.retryDelays()),
                RetryPolicies.timeout(settings.requestTimeout()));
        this.clock = InstantSource.system();
    }

    /**
     * A transport configured by {@code settings}.
     *
     * @throws IllegalArgumentException if the extra trusted certificate cannot be read or is not a PEM certificate
     */
    public static HttpTransport create(HttpSettings settings) {
        return new HttpTransport(Objects.requireNonNull(settings, "settings"));
    }

    /** The settings this transport was created with. */
    public HttpSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        client.close();
        try {
            jsonb.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing JSON-B failed", e);
        }
    }

    Endpoints endpoints() {
        return endpoints;
    }

    /** A GET with the headers every call sends (spec §3): JSON both ways and our {@code User-Agent}. */
    HttpRequest.Builder get(URI uri) {
        return HttpRequest.newBuilder(uri)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("User-Agent", settings.userAgent())
                .GET();
    }

    /** A POST of {@code body} as JSON; the text may hold secrets and is never logged. */
    HttpRequest.Builder post(URI uri, Object body) {
        return get(uri).POST(HttpRequest.BodyPublishers.ofString(jsonb.toJson(body)));
    }

    /** What an error answer says, or an empty detail when it says nothing readable. */
    ErrorDetail errorDetail(Answer answer) {
        return ErrorDetail.of(answer, jsonb);
    }

    /**
     * Sends {@code request} under the retry policy of spec §3.4 and returns the final answer — a success, a 4xx, a
     * 429 whose budget is spent, or a 5xx after the last retry.
     *
     * @throws ServiceUnavailableException if no answer came (connection failures, timeouts) after the retries
     * @throws ProtocolViolationException  if the answer was too large or the TLS peer was not trusted
     */
    Answer exchange(Operation operation, HttpRequest request) {
        AtomicInteger attempts = new AtomicInteger();
        try {
            return policies.get(context -> attempt(operation, request, context, attempts.incrementAndGet()));
        } catch (InfrastructureException e) {
            throw e;
        } catch (TimeoutExceededException e) {
            throw new ServiceUnavailableException(operation, target(request) + " gave no answer within "
                    + settings.requestTimeout().toMillis() + " ms (" + tries(attempts) + ")");
        } catch (FailsafeException e) {
            throw translate(operation, request, e.getCause(), attempts);
        }
    }

    /**
     * The exception for an answer that has no meaning of its own for {@code operation}: a 5xx after the retries is
     * {@link ServiceUnavailableException}, another 4xx is {@link RequestRejectedException} (never retried), anything
     * else (a redirect, a 1xx) is {@link ProtocolViolationException}.
     */
    InfrastructureException unexpected(Operation operation, Object host, Answer answer) {
        int status = answer.status();
        ErrorDetail detail = errorDetail(answer);
        if (answer.isServerError()) {
            return new ServiceUnavailableException(operation, host + " answered HTTP " + status + " ("
                    + answer.attempts() + ")" + detail.suffix());
        }
        if (status >= 400 && status < 500) {
            return new RequestRejectedException(operation, status, "refused by " + host
                    + (detail.message().isEmpty() ? "" : " (" + detail.message() + ")"));
        }
        return new ProtocolViolationException(operation, host + " answered HTTP " + status
                + ", which this client does not expect (redirects are never followed)");
    }

    /**
     * The body of {@code answer} as a {@code type}.
     *
     * @throws ProtocolViolationException if it is not JSON of that shape; the message names {@code what} but never
     *                                    quotes the body (it may hold secrets)
     */
    <T> T read(Operation operation, Answer answer, Class<T> type, String what) {
        try {
            T value = jsonb.fromJson(answer.text(), type);
            if (value == null) {
                throw new ProtocolViolationException(operation, what + " is empty (JSON null)");
            }
            return value;
        } catch (JsonbException e) {
            // Deliberately no cause: parser messages can quote pieces of the body, and the body may hold secrets.
            throw new ProtocolViolationException(operation, what + " is not the JSON the spec describes ("
                    + answer.body().length + " bytes that do not bind)");
        }
    }

    private Answer attempt(Operation operation, HttpRequest request, ExecutionContext<Answer> context, int attempt)
            throws IOException, InterruptedException {
        if (attempt > 1) {
            LOG.info(() -> operation + ": attempt " + attempt + " of " + request.method() + " " + request.uri()
                    + " after " + describe(context));
        }
        long started = System.nanoTime();
        HttpResponse<Optional<byte[]>> response = client.send(request, LimitedBody.handler(settings.maxBodyBytes()));
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        LOG.fine(() -> operation + ": " + request.method() + " " + request.uri() + " -> HTTP " + response.statusCode()
                + " in " + millis + " ms");
        byte[] body = response.body().orElseThrow(() -> new ProtocolViolationException(operation, "the answer of "
                + target(request) + " is larger than " + settings.maxBodyBytes() + " bytes; refusing to read it"));
        Answer answer = new Answer(response.statusCode(), response.headers(), body, attempt);
        if (answer.status() != Answer.TOO_MANY_REQUESTS) {
            return answer;
        }
        Duration floor = operation == Operation.LOGIN
                ? settings.loginRateLimitFloor() : settings.otherRateLimitFloor();
        Duration wait = RetryAfter.wait(response.headers().firstValue("Retry-After"), clock.instant(), floor);
        boolean withinBudget = context.getElapsedTime().plus(wait).compareTo(settings.rateLimitBudget()) <= 0;
        return answer.rateLimited(wait, withinBudget);
    }

    private InfrastructureException translate(Operation operation, HttpRequest request, Throwable failure,
            AtomicInteger attempts) {
        String target = target(request);
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new ServiceUnavailableException(operation, "interrupted while calling " + target);
        }
        if (RetryPolicies.untrustedPeer(failure)) {
            return new ProtocolViolationException(operation, "no trusted TLS connection to " + target + ": "
                    + failure.getMessage() + "; if this is the emulator, trust its certificate (extra trusted "
                    + "certificate / --ca-cert)", failure);
        }
        String what = failure instanceof ConnectException ? "cannot connect to " : "connection to ";
        return new ServiceUnavailableException(operation, what + target + " failed: "
                + failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : " " + failure.getMessage())
                + " (" + tries(attempts) + ")", failure);
    }

    private static String describe(ExecutionContext<Answer> context) {
        Throwable failure = context.getLastException();
        if (failure instanceof TimeoutExceededException) {
            return "a timeout";
        }
        if (failure != null) {
            return failure.getClass().getSimpleName();
        }
        Answer last = context.getLastResult();
        return last == null ? "a failure" : "HTTP " + last.status();
    }

    private static String target(HttpRequest request) {
        return request.uri().getScheme() + "://" + request.uri().getRawAuthority();
    }

    private static String tries(AtomicInteger attempts) {
        return attempts.get() == 1 ? "1 attempt" : attempts.get() + " attempts";
    }
}
