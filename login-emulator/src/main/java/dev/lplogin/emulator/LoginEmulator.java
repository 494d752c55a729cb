package dev.lplogin.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * A running local LivePerson: the Domain API (spec §2), the Login Service (spec §3) and one protected API that takes
 * the bearer (Account Configuration skills) on one loopback port, over HTTPS (default) or HTTP, plus controls for
 * tests. Point a client's Domain API base URL at {@link #baseUrl()};
 * every service, {@code agentVep} included, points back at {@link #authority()}.
 *
 * <pre>{@code
 * try (var emulator = LoginEmulator.start(EmulatorConfig.defaults())) {
 *     HttpClient client = HttpClient.newBuilder().sslContext(emulator.sslContext()).build();
 *     // GET emulator.baseUrl() + "/api/account/12345678/service/agentVep/baseURI.json?version=1.0"
 *     emulator.inject(Fault.status(Endpoint.LOGIN, 503, 2));
 *     emulator.advanceClock(Duration.ofMinutes(31));   // idle sessions are now expired
 * }
 * }</pre>
 *
 * <p>Thread-safe: every method may be called from any thread while requests are served, each on its own virtual
 * thread. Arguments must not be null. The same controls are available over HTTP under {@code /_emulator/}
 * (see the {@linkplain dev.lplogin.emulator package documentation}).
 */
public final class LoginEmulator implements AutoCloseable {

    private final EmulatorServer server;

    private LoginEmulator(EmulatorServer server) {
        this.server = server;
    }

    /**
     * Starts an emulator; with port 0 (the default) on a free port.
     *
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static LoginEmulator start(EmulatorConfig config) {
        return new LoginEmulator(EmulatorServer.start(Objects.requireNonNull(config, "config")));
    }

    /** Starts an emulator with {@link EmulatorConfig#defaults()}: HTTPS, free loopback port, demo account. */
    public static LoginEmulator start() {
        return start(EmulatorConfig.defaults());
    }

    /** The configuration it was started with. */
    public EmulatorConfig config() {
        return server.config();
    }

    /** The Domain API base URL clients are configured with, e.g. {@code https://127.0.0.1:54321}. */
    public URI baseUrl() {
        return URI.create((server.config().https() ? "https" : "http") + "://" + server.authority());
    }

    /** {@code host:port}, exactly as the Domain API reports it as {@code baseURI} of every service. */
    public String authority() {
        return server.authority();
    }

    /** The TCP port it listens on. */
    public int port() {
        return server.port();
    }

    /** What the emulator has seen since start or the last {@link #reset()}. */
    public EmulatorStats stats() {
        return server.stats();
    }

    /** Plans a failure: the next {@code fault.times()} requests to its endpoint fail. Faults queue up. */
    public void inject(Fault fault) {
        server.inject(Objects.requireNonNull(fault, "fault"));
    }

    /** Cancels every planned failure that has not happened yet. */
    public void clearFaults() {
        server.clearFaults();
    }

    /** Ends every session, as if all had expired; returns how many were alive. */
    public int expireSessions() {
        return server.expireSessions();
    }

    /** Ends one user's sessions; returns how many were alive. */
    public int expireSessions(String accountId, String username) {
        return server.expireSessions(Objects.requireNonNull(accountId, "accountId"),
                Objects.requireNonNull(username, "username"));
    }

    /**
     * Moves the emulator's clock forward (it is the system clock plus an offset); idle and absolute session expiry
     * and the login rate-limit window follow it.
     *
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    public void advanceClock(Duration amount) {
        server.advanceClock(Objects.requireNonNull(amount, "amount"));
    }

    /** The emulator's current time. */
    public Instant now() {
        return server.now();
    }

    /** Whether this bearer belongs to a live session: true exactly between login and logout or expiry. */
    public boolean isBearerValid(String bearer) {
        return server.isBearerValid(Objects.requireNonNull(bearer, "bearer"));
    }

    /**
     * The last requests (up to 1,000, oldest first) to the protected APIs ({@link Endpoint#isProtectedApi()}):
     * method, path, query, status and header names — never header values.
     */
    public java.util.List<RecordedApiRequest> apiRequests() {
        return server.apiRequests();
    }

    /**
     * The names of the account's skills (the protected Account Configuration API), in creation order; empty for an
     * account without skills or unknown.
     */
    public java.util.List<String> skillNames(String accountId) {
        return server.skillNames(Objects.requireNonNull(accountId, "accountId"));
    }

    /**
     * Forgets sessions, skills, faults, rate-limit history, stats and logged API requests, and puts the clock back;
     * accounts stay.
     */
    public void reset() {
        server.reset();
    }

    /**
     * The emulator's certificate (PEM), valid for 127.0.0.1, ::1 and {@code localhost}. It is the same bundled
     * test certificate in every emulator; its private key is public, so trust it only for local tests.
     */
    public String certificatePem() {
        return server.certificatePem();
    }

    /**
     * Writes {@link #certificatePem()} to a file, e.g. for {@code curl --cacert} or another language's SDK.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public void writeCertificatePem(Path file) {
        try {
            Files.writeString(file, certificatePem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the emulator certificate to " + file, e);
        }
    }

    /** A new client {@link SSLContext} that trusts exactly the emulator's certificate. */
    public SSLContext sslContext() {
        return server.clientSslContext();
    }

    /** Stops serving at once; open connections are dropped. Idempotent. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "LoginEmulator[" + baseUrl() + "]";
    }
}
