package dev.lplogin.adapter.http;

import dev.failsafe.ExecutionContext;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.lplogin.adapter.http.json.SecretAdapter;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.port.InfrastructureException;
import dev.lplogin.domain.port.Operation;
import dev.lplogin.domain.port.ProtocolViolationException;
import dev.lplogin.domain.port.RequestRejectedException;
import dev.lplogin.domain.port.ServiceUnavailableException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.bind.Jsonb;
import jakarta.json.stream.JsonParser;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What both HTTP adapters share: one {@link HttpClient} (persistent connections, the proxy of the JVM's settings or
 * else of {@code HTTPS_PROXY}, see {@link HttpSettings.Builder#proxyEnvironment}, no cookie handler, no redirects), one JSON-B instance, and LivePerson's retry policy
 * (spec §3.4) built once from {@link HttpSettings}. Create one per application and pass it to
 * {@link HttpDomainLookup} and {@link HttpAuthGateway} so that they share connections.
 *
 * <p>Bounded by construction: the client runs on {@link HttpSettings#clientThreads()} platform threads (instead of
 * the JDK's unbounded default executor), and at most {@link HttpSettings#maxConnections()} requests are in flight
 * at once, so a burst of calls reuses that many connections instead of opening one per call. A call waiting for a
 * free slot is not yet timed: {@link HttpSettings#requestTimeout()} runs from the moment its request is handed to
 * the client.
 *
 * <p>Thread-safe. {@link #close()} releases the client's threads and connections; the adapters built on a closed
 * transport fail.
 */
public final class HttpTransport implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HttpTransport.class.getPackageName());
    private static final AtomicLong TRANSPORTS = new AtomicLong();
    /** The JDK client's idle-connection timeout in seconds; JVM-wide, read once (see {@link HttpSettings}). */
    static final String KEEPALIVE_PROPERTY = "jdk.httpclient.keepalive.timeout";
    /** How deep an answer's JSON may nest; LivePerson's nest 3 or 4 levels. Deeper is refused before binding. */
    static final int MAX_JSON_DEPTH = 64;

    private final HttpSettings settings;
    private final Endpoints endpoints;
    private final HttpClient client;
    private final ThreadPoolExecutor executor;
    private final Semaphore slots;
    private final String threadNames;
    private final Optional<EnvironmentProxy> proxy;
    private final Jsonb jsonb;
    private final FailsafeExecutor<Answer> policies;
    private final InstantSource clock;

    private HttpTransport(HttpSettings settings) {
        this.settings = settings;
        // JVM-wide properties the JDK reads once, when its first client is built: set before anything of it loads.
        settings.idleConnectionTimeout().ifPresent(HttpTransport::keepIdleConnectionsFor);
        this.proxy = Proxies.fromEnvironment(settings.proxyFromEnvironment());
        this.endpoints = new Endpoints(settings.csdsBaseUrl());
        this.threadNames = "lp-login-http-" + TRANSPORTS.incrementAndGet() + "-";
        this.executor = executor(settings.clientThreads(), threadNames);
        this.slots = new Semaphore(settings.maxConnections(), true);
        HttpClient.Builder builder = HttpClient.newBuilder()
                .executor(executor)
                .version(HttpClient.Version.HTTP_1_1)   // persistent HTTP/1.1 connections, as spec §3.4 recommends
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)   // a redirect would carry credentials elsewhere
                .sslContext(TrustedCertificates.sslContext(settings.extraTrustedCertificate()));
        Proxies.configure(builder, proxy);
        try {
            this.client = builder.build();
        } catch (RuntimeException | Error e) {
            executor.shutdownNow();
            throw e;
        }
        this.jsonb = JsonbBuilder.create(new JsonbConfig().withAdapters(new SecretAdapter()));
        this.policies = Failsafe.with(RetryPolicies.rateLimited(), RetryPolicies.failures(settings.retryDelays()));
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

    /** Sets {@value #KEEPALIVE_PROPERTY} unless someone did; see {@link HttpSettings.Builder#idleConnectionTimeout}. */
    private static void keepIdleConnectionsFor(Duration timeout) {
        synchronized (HttpTransport.class) {
            if (System.getProperty(KEEPALIVE_PROPERTY) == null) {
                System.setProperty(KEEPALIVE_PROPERTY, Long.toString(timeout.toSeconds()));
                LOG.fine(() -> "idle HTTP connections are kept " + timeout.toSeconds() + " s (" + KEEPALIVE_PROPERTY
                        + ")");
            }
        }
    }

    /** Daemon threads, so a transport nobody closed never keeps the JVM alive; idle ones end after a minute. */
    private static ThreadPoolExecutor executor(int threads, String names) {
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, names + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public void close() {
        client.close();
        executor.shutdown();
        try {
            jsonb.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing JSON-B failed", e);
        }
    }

    /** The name prefix of this transport's executor threads, e.g. {@code lp-login-http-3-}. */
    String threadNames() {
        return threadNames;
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

    /**
     * The origin of a service host under this transport's one scheme rule: {@code https://host[:port]}, or
     * {@code http://…} for a loopback host when the Domain API itself is plain http on loopback (the emulator).
     */
    public URI origin(ServiceHost host) {
        return URI.create(endpoints.origin(Objects.requireNonNull(host, "host")));
    }

    /**
     * Sends one request on this transport's client — its connections, proxy, trust and no redirects (a 3xx is
     * returned as it is) — in one of its {@link HttpSettings#maxConnections()} slots, once: no retries. For calls
     * to other LivePerson APIs (module {@code dev.lplogin.calls}). A request without its own
     * {@linkplain HttpRequest#timeout() timeout} gets {@link HttpSettings#requestTimeout()}. The slot is held until
     * the answer's headers arrive, or its body for handlers that read it whole.
     *
     * @throws IOException          as the JDK client throws it; {@link #failure} turns it into this project's
     * @throws InterruptedException if interrupted while waiting for a slot or the answer
     */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpRequest timed = timed(request);
        slots.acquire();
        try {
            return client.send(timed, handler);
        } finally {
            slots.release();
        }
    }

    private HttpRequest timed(HttpRequest request) {
        return request.timeout().isPresent() ? request
                : HttpRequest.newBuilder(request, (name, value) -> true).timeout(settings.requestTimeout()).build();
    }

    /**
     * The project's exception for a request of {@link #send} that got no answer: the same wording the adapters
     * use (untrusted certificate, refused proxy credentials, no answer within the timeout, could not connect), the
     * host named, never a header or body.
     */
    public InfrastructureException failure(Operation operation, HttpRequest request, Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return translate(operation, request, cause, new AtomicInteger(1));
    }

    /** What an error answer says, or an empty detail when it says nothing readable. */
    ErrorDetail errorDetail(Answer answer) {
        return jsonProblem(answer.text()).isEmpty() ? ErrorDetail.of(answer, jsonb) : new ErrorDetail("", -1);
    }

    /**
     * What is wrong with {@code text} as JSON to bind, or empty when it is complete, well-formed JSON nested at most
     * {@link #MAX_JSON_DEPTH} levels. Checked before binding because Parsson 1.1 (under Yasson 3.0.4) loops forever
     * when a truncated body ends inside an object it skips as unknown (found by the emulator's {@code malformed}
     * fault on the Domain API), and Parsson refuses JSON nested over 1,000 deep with a bare {@code RuntimeException}
     * ("Input is too deeply nested"), which reached the user as an "unexpected error".
     */
    private static Optional<String> jsonProblem(String text) {
        int depth = 0;
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_ARRAY, START_OBJECT -> {
                        if (++depth > MAX_JSON_DEPTH) {
                            return Optional.of("JSON nested deeper than " + MAX_JSON_DEPTH + " levels");
                        }
                    }
                    case END_ARRAY, END_OBJECT -> depth--;
                    default -> {
                    }
                }
            }
            return Optional.empty();
        } catch (JsonException | IllegalStateException malformed) {
            return Optional.of("not well-formed JSON");
        } catch (RuntimeException parserLimit) {
            // a limit of the parser's own, reported as a bare RuntimeException; its message holds no content
            return Optional.of("not JSON this client reads (" + Printable.of(parserLimit.getMessage(), 80) + ")");
        }
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
        if (status == 407) {
            // Only a proxy answers 407: one that wants credentials that HTTPS_PROXY did not give.
            return new RequestRejectedException(operation, status, "the proxy asked for credentials on the way to "
                    + host + "; give them in its URL (http://user:password@proxy:port)");
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
            String text = answer.text();
            Optional<String> problem = jsonProblem(text);
            if (problem.isPresent()) {
                throw new ProtocolViolationException(operation, what + " is " + problem.get() + " ("
                        + answer.body().length + " bytes)");
            }
            T value = jsonb.fromJson(text, type);
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
        HttpResponse<Optional<byte[]>> response = send(request);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        LOG.fine(() -> operation + ": " + request.method() + " " + request.uri() + " -> HTTP " + response.statusCode()
                + " in " + millis + " ms");
        byte[] body = response.body().orElseThrow(() -> new ProtocolViolationException(operation, "the answer of "
                + host(request) + " is larger than " + settings.maxBodyBytes() + " bytes; refusing to read it"));
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

    /**
     * One request in one of the transport's slots, timed from the moment the client has it. The JDK client's own
     * {@code send} would do, except that its timeout would include the wait for a slot.
     */
    private HttpResponse<Optional<byte[]>> send(HttpRequest request) throws IOException, InterruptedException {
        slots.acquire();
        CompletableFuture<HttpResponse<Optional<byte[]>>> pending = null;
        try {
            pending = client.sendAsync(request, LimitedBody.handler(settings.maxBodyBytes()));
            return pending.get(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            pending.cancel(true);   // aborts the exchange and drops its connection
            throw new HttpTimeoutException("no answer within " + settings.requestTimeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            if (pending != null) {
                pending.cancel(true);
            }
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            switch (cause) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IOException(cause);
            }
        } finally {
            slots.release();
        }
    }

    private InfrastructureException translate(Operation operation, HttpRequest request, Throwable failure,
            AtomicInteger attempts) {
        String host = host(request) + through(request);
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new ServiceUnavailableException(operation, "interrupted while calling " + host);
        }
        if (RetryPolicies.untrustedPeer(failure)) {
            return new ProtocolViolationException(operation, "no trusted TLS connection to " + host + ": "
                    + Trouble.untrusted(failure) + "; to trust a private certificate (the emulator's, say), "
                    + "configure it as the extra trusted certificate", failure);
        }
        if (Trouble.proxyRefusedCredentials(failure)) {
            return new RequestRejectedException(operation, 407, "the proxy refused the credentials in HTTPS_PROXY "
                    + "while connecting to " + host + "; check the user and password in its URL");
        }
        String trouble = Trouble.of(failure, settings.connectTimeout());
        String what;
        if (failure instanceof HttpTimeoutException && !(failure instanceof HttpConnectTimeoutException)) {
            what = host + " gave " + trouble;                      // "… gave no answer within 300 ms"
        } else if (connecting(failure)) {
            what = "could not connect to " + host + ": " + trouble;
        } else {
            what = "the connection to " + host + " failed: " + trouble;
        }
        return new ServiceUnavailableException(operation, what + ", " + tries(attempts), failure);
    }

    /** {@code " through the proxy http://host:port"} when the environment's proxy carried {@code request}. */
    private String through(HttpRequest request) {
        return proxy.filter(p -> new Proxies.EnvironmentSelector(p).select(request.uri()).getFirst() != Proxy.NO_PROXY)
                .map(p -> " through the proxy " + p.address()).orElse("");
    }

    /** Whether the attempt failed before a connection stood (refused, unknown host, no route, connect timeout). */
    private static boolean connecting(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
                    || t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    private String describe(ExecutionContext<Answer> context) {
        Throwable failure = context.getLastException();
        if (failure != null) {
            return Trouble.of(failure, settings.connectTimeout());
        }
        Answer last = context.getLastResult();
        return last == null ? "a failure" : "HTTP " + last.status();
    }

    /** The host[:port] a request went to, as messages name it. */
    private static String host(HttpRequest request) {
        return request.uri().getRawAuthority();
    }

    private static String tries(AtomicInteger attempts) {
        return attempts.get() == 1 ? "1 attempt" : attempts.get() + " attempts";
    }
}
