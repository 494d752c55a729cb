package dev.lplogin.emulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;

/**
 * The running emulator behind {@link LoginEmulator}: wires the JDK server, the handlers and
 * the shared state. Thread-safe; every request runs on its own virtual thread.
 */
final class EmulatorServer implements AutoCloseable {

    /** Pending TCP connections the OS may queue: enough for hundreds of clients connecting at once. */
    private static final int BACKLOG = 1024;

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, the client's delayed ACK
        // then stalls every answer by up to 40 ms. Read once, when the JDK server is first used in this JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final EmulatorConfig config;
    private final EmulatorClock clock = new EmulatorClock();
    private final Traffic traffic = new Traffic();
    private final FaultPlan faults = new FaultPlan();
    private final ApiLog apiLog = new ApiLog();
    private final SkillCatalog skills = new SkillCatalog();
    private final Tls tls = Tls.bundled();
    private final SessionRegistry sessions;
    private final LoginRateLimiter rateLimiter;
    private final HttpServer http;
    private final ExecutorService executor;
    private final String authority;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmulatorServer(EmulatorConfig config) throws IOException {
        this.config = config;
        this.sessions = new SessionRegistry(clock, config.idleTimeout(), config.maxSessionAge(),
                config.secondLogin());
        this.rateLimiter = new LoginRateLimiter(clock, config.loginLimit(), config.loginWindow());
        var address = new InetSocketAddress(config.bindAddress(), config.port());
        if (config.https()) {
            var https = HttpsServer.create(address, BACKLOG);
            https.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
            this.http = https;
        } else {
            this.http = HttpServer.create(address, BACKLOG);
        }
        this.authority = authorityOf(config.bindAddress(), http.getAddress().getPort());
        var errors = new Errors(clock);
        var directory = new AccountDirectory(config.accounts(), authority);
        http.createContext("/", new Router(routes(directory, errors), faults, traffic, apiLog, errors,
                config.maxBodyBytes()));
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(executor);
        http.start();
    }

    /**
     * Binds and starts serving.
     *
     * @throws UncheckedIOException if the address cannot be bound (e.g. the port is taken)
     */
    static EmulatorServer start(EmulatorConfig config) {
        try {
            return new EmulatorServer(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the emulator on " + config.bindAddress().getHostAddress()
                    + ":" + config.port() + ": " + e.getMessage(), e);
        }
    }

    private List<Route> routes(AccountDirectory directory, Errors errors) {
        var csds = new CsdsHandler(directory);
        var login = new LoginHandler(directory, sessions, rateLimiter, clock, errors, config.maxSessionAge(),
                config.https(), config.oauth1Refused());
        var session = new SessionHandler(sessions, config.https());
        var skillsApi = new SkillsHandler(sessions, skills, errors);
        var admin = new AdminHandler(this);
        String account = "([A-Za-z0-9_-]+)";
        String skillsPath = "/api/account/" + account + "/configuration/le-users/skills";
        return List.of(
                Route.of(Endpoint.CSDS, "GET", "/(?:api|csdr)/account/" + account + "/service/baseURI\\.json",
                        csds::allServices),
                Route.of(Endpoint.CSDS, "GET", "/(?:api|csdr)/account/" + account
                        + "/service/([^/]+)/baseURI\\.json", csds::oneService),
                Route.of(Endpoint.LOGIN, "POST", "/api/account/" + account + "/login", login::login),
                Route.of(Endpoint.REFRESH, "POST", "/api/account/" + account + "/refresh", session::refresh),
                Route.of(Endpoint.LOGOUT, "POST", "/api/account/" + account + "/logout", session::logout),
                Route.of(Endpoint.LIST_SKILLS, "GET", skillsPath, skillsApi::list),
                Route.of(Endpoint.CREATE_SKILL, "POST", skillsPath, skillsApi::create),
                Route.admin("GET", "/_emulator/stats", admin::stats),
                Route.admin("GET", "/_emulator/api-requests", admin::apiRequests),
                Route.admin("POST", "/_emulator/faults", admin::addFault),
                Route.admin("DELETE", "/_emulator/faults", admin::clearFaults),
                Route.admin("POST", "/_emulator/sessions/expire", admin::expire),
                Route.admin("POST", "/_emulator/clock", admin::clock),
                Route.admin("POST", "/_emulator/reset", admin::reset));
    }

    /** The host:port clients use: loopback when bound to every interface, IPv6 literals in brackets. */
    private static String authorityOf(InetAddress bound, int port) {
        InetAddress host = bound.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound;
        String literal = host.getHostAddress();
        return (host instanceof Inet6Address ? "[" + literal + "]" : literal) + ":" + port;
    }

    EmulatorConfig config() {
        return config;
    }

    String authority() {
        return authority;
    }

    int port() {
        return http.getAddress().getPort();
    }

    EmulatorStats stats() {
        return traffic.snapshot(sessions.active());
    }

    void inject(Fault fault) {
        faults.add(fault);
    }

    int pendingFaults() {
        return faults.pending();
    }

    void clearFaults() {
        faults.clear();
    }

    int expireSessions() {
        return sessions.endWhere(session -> true);
    }

    int expireAccount(String account) {
        return sessions.endWhere(session -> session.user.account().equals(account));
    }

    int expireSessions(String account, String username) {
        return sessions.endUser(new UserKey(account, username));
    }

    /** Moves the emulator's clock forward; returns its total offset from the system clock. */
    Duration advanceClock(Duration amount) {
        return clock.advance(amount);
    }

    Instant now() {
        return clock.now();
    }

    boolean isBearerValid(String bearer) {
        return sessions.isBearerValid(bearer);
    }

    List<RecordedApiRequest> apiRequests() {
        return apiLog.snapshot();
    }

    List<String> skillNames(String account) {
        return skills.list(account).skills().stream().map(dev.lplogin.emulator.json.SkillJson::name).toList();
    }

    /** Forgets sessions, skills, faults, rate-limit history, stats and logged API requests; puts the clock back. */
    void reset() {
        sessions.clear();
        skills.clear();
        apiLog.clear();
        faults.clear();
        rateLimiter.clear();
        traffic.clear();
        clock.reset();
    }

    String certificatePem() {
        return tls.certificatePem();
    }

    SSLContext clientSslContext() {
        return tls.clientContext();
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        http.stop(0);
        // Interrupts handlers still waiting in a delay fault.
        executor.shutdownNow();
    }
}
