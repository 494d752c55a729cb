package dev.lplogin.app.cli;

import dev.lplogin.app.config.AppConfig;
import dev.lplogin.app.wiring.LoginComponent;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.SessionListener;
import dev.lplogin.domain.usecase.LoginSettings;
import dev.lplogin.domain.usecase.LoginUseCase;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lp-login agent}: a local process that keeps sessions alive and hands their current bearer to other programs —
 * through sink files (read at file speed) and a key-protected loopback listener. docs/agent.md.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = {"Keep sessions alive and hand their bearers to other programs until stopped.",
                "Through sink files (the bearer alone on one line, mode 0600, rewritten on re-login)",
                "and a loopback listener whose requests carry the agent key (X-LP-Login-Key).",
                "Credentials come from the environment, as for 'login'. See docs/agent.md."})
final class AgentCommand implements Callable<Integer> {

    @ParentCommand
    private LpLoginCommand root;

    /** One session on the command line; the options repeat as a group for several sessions. */
    static final class SessionOptions {
        @Option(names = "--account", paramLabel = "ID", description = "Account id (env LP_ACCOUNT).")
        String account;

        @Option(names = "--user", paramLabel = "NAME", description = "Login name (env LP_USERNAME).")
        String user;

        @Option(names = "--sink", paramLabel = "FILE", description = "Keep the bearer of this session in FILE.")
        Path sink;

        @Option(names = "--json-sink", paramLabel = "FILE",
                description = "Keep the bearer and the session's description as JSON in FILE.")
        Path jsonSink;
    }

    @ArgGroup(exclusive = false, multiplicity = "0..*")
    private List<SessionOptions> sessions = new ArrayList<>();

    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "Serve bearers on this loopback address (port 0 = any free port); the URL is printed first.")
    private String listen;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Write the agent key here (mode 0600); default: agent.key in the state directory.")
    private Path keyFile;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Several sessions with a sink each, and the listener settings (docs/agent.md).")
    private Path configFile;

    @Option(names = "--logout-on-exit", description = "Log the sessions out when stopped.")
    private Boolean logoutOnExit;

    @Option(names = "--refresh-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How often to refresh, e.g. 4m, 90s; default 4m, must be under 30m.")
    private Duration refreshInterval = LoginSettings.DEFAULT_REFRESH_INTERVAL;

    @Override
    public Integer call() throws InterruptedException {
        Optional<AgentConfigFile> file = Optional.ofNullable(configFile).map(AgentConfigFile::read);
        AppConfig config = root.config(null, null);
        String listenAt = listen != null ? listen : file.flatMap(AgentConfigFile::listen).orElse(null);
        Optional<InetSocketAddress> address = Optional.ofNullable(listenAt).map(AgentServer::loopback);
        boolean logout = logoutOnExit != null ? logoutOnExit
                : file.flatMap(AgentConfigFile::logoutOnExit).orElse(false);
        List<AgentTarget> targets = targets(config, file);
        Optional<SinkFile> key = address.map(ignored -> SinkFile.at(keyFile != null ? keyFile
                : file.flatMap(AgentConfigFile::keyFile).orElseGet(() -> AgentDirectory.defaultKeyFile(root.env())),
                "key file"));

        Output output = root.output();
        // Bind first: an agent on a port in use fails before it touches a file (of its own or of a running agent).
        Optional<AgentServer.Bound> bound = address.map(AgentServer::bind);
        List<SinkFile> owned = new ArrayList<>();
        Map<AgentTarget, SinkFile> pointers = new LinkedHashMap<>();
        AgentSinks sinks = new AgentSinks(targets, output, root.clock());
        LoginUseCase core = null;
        AgentServer server = null;
        try {
            AgentDirectory.removeLeftovers(root.env()).forEach(leftover -> output.note("agent: removed " + leftover
                    + ", left by an agent that did not stop cleanly"));
            // Then own every file: a second agent given the same files stops here, leaving the running one's alone.
            owned.addAll(filesToOwn(targets, key, pointers));
            owned.forEach(SinkFile::claim);

            AgentReporter reporter = new AgentReporter(output);
            AgentMetrics metrics = AgentMetrics.create();
            SessionListener listener = event -> {
                reporter.onEvent(event);
                sinks.onEvent(event);
            };
            LoginSettings settings = LoginSettings.builder().keepAlive(true).logoutOnClose(logout)
                    .refreshInterval(refreshInterval).build();
            LoginComponent component = metrics.component(config, settings, listener);
            core = component.loginUseCase();
            for (AgentTarget target : targets) {
                LoginUseCase loginCore = core;
                target.credentials().ifPresent(credentials -> loginCore.useCredentials(target.key().account(),
                        credentials));
                core.bearer(target.key()); // fails fast: no agent without a session
            }
            sinks.start(core);
            for (AgentTarget target : targets) {
                sinks.update(target.key(), true);
            }
            // what lp-login exec reads (LP_BEARER_FILE), and what the next agent removes should this one crash
            pointers.forEach((target, pointer) -> pointer.write(AgentDirectory.pointerContent(
                    target.sink().map(SinkFile::path), target.jsonSink().map(SinkFile::path))));
            if (bound.isPresent()) {
                AgentKey agentKey = AgentKey.generate();
                key.orElseThrow().write(agentKey.reveal() + "\n");
                server = bound.get().serve(agentKey, core, targets, sinks, metrics::scrape, root.clock(),
                        new AgentProxy(component.livePersonCalls(), targets));
                output.raw(server.url().toString()); // the first stdout line, for whoever started the agent
            }
            output.note("agent: keeping " + Formats.count(targets.size(), "session") + " alive"
                    + (server == null ? "" : " and serving them at " + server.url() + " (key in "
                            + key.orElseThrow().path() + ")")
                    + "; Ctrl-C to stop" + (logout ? " and log out" : ""));
            AgentServer running = server;
            LoginUseCase started = core;
            StopSignal.awaitThen(() -> {
                stop(running, sinks, started, owned);
                output.note("agent stopped");
            }, settings.closeTimeout().plusSeconds(5));
            return ExitCode.OK.code();
        } catch (RuntimeException e) {
            if (server == null) {
                bound.ifPresent(AgentServer.Bound::close);
            }
            stop(server, sinks, core, owned);
            throw e;
        }
    }

    /** The files this agent writes: sinks, key file, then the sink pointers (also put in {@code pointers}). */
    private List<SinkFile> filesToOwn(List<AgentTarget> targets, Optional<SinkFile> key,
            Map<AgentTarget, SinkFile> pointers) {
        List<SinkFile> files = new ArrayList<>();
        for (AgentTarget target : targets) {
            target.sink().ifPresent(files::add);
            target.jsonSink().ifPresent(files::add);
        }
        key.ifPresent(files::add);
        for (AgentTarget target : targets) {
            if (target.sink().isPresent() || target.jsonSink().isPresent()) {
                SinkFile pointer = SinkFile.at(AgentDirectory.pointer(root.env(), target.key()), "sink pointer");
                pointers.put(target, pointer);
                files.add(pointer);
            }
        }
        return files;
    }

    /**
     * Stops serving, removes the files this agent wrote (they hold secrets; a file it does not own is never
     * touched), then closes the core (logging out if asked).
     */
    private static void stop(AgentServer server, AgentSinks sinks, LoginUseCase core, List<SinkFile> owned) {
        if (server != null) {
            server.stop();
        }
        sinks.stop();
        owned.forEach(SinkFile::delete);
        if (core != null) {
            core.close();
        }
    }

    /** The sessions from the flags and the config file; without either, LP_ACCOUNT/LP_USERNAME's. */
    private List<AgentTarget> targets(AppConfig config, Optional<AgentConfigFile> file) {
        record Wanted(String where, String account, String user, Path sink, Path jsonSink, String prefix) {
        }
        List<Wanted> wanted = new ArrayList<>();
        for (SessionOptions s : sessions) {
            wanted.add(new Wanted("the command line", s.account, s.user, s.sink, s.jsonSink, ""));
        }
        file.ifPresent(f -> f.sessions().forEach(s -> wanted.add(new Wanted("session." + s.name() + " in "
                + configFile, s.account().orElse(null), s.user().orElse(null), s.sink().orElse(null),
                s.jsonSink().orElse(null), s.credentialsPrefix().orElse("")))));
        if (wanted.isEmpty()) {
            wanted.add(new Wanted("the command line", null, null, null, null, ""));
        }
        Map<SessionKey, AgentTarget> targets = new LinkedHashMap<>();
        for (Wanted w : wanted) {
            AccountId account = w.account() != null ? AccountId.of(w.account())
                    : config.account().orElseThrow(() -> CliException.usage("missing --account (" + w.where() + ")",
                            "give --account ID --user NAME, or set LP_ACCOUNT and LP_USERNAME"));
            String user = w.user() != null ? w.user()
                    : config.user().orElseThrow(() -> CliException.usage("missing --user (" + w.where() + ")",
                            "give --account ID --user NAME, or set LP_ACCOUNT and LP_USERNAME"));
            SessionKey sessionKey = new SessionKey(account, user);
            if (targets.containsKey(sessionKey)) {
                throw CliException.usage("the session " + sessionKey + " is given twice",
                        "name each account and user once");
            }
            Optional<Credentials> credentials = new CredentialSources(prefixed(w.prefix()), root.terminal())
                    .fromEnvironment(user);
            targets.put(sessionKey, new AgentTarget(sessionKey,
                    Optional.ofNullable(w.sink()).map(p -> SinkFile.at(p, "sink")),
                    Optional.ofNullable(w.jsonSink()).map(p -> SinkFile.at(p, "JSON sink")), credentials));
        }
        return List.copyOf(targets.values());
    }

    /** The environment as a session with credentials-prefix {@code prefix} sees it: BOT_LP_PASSWORD as LP_PASSWORD. */
    private Map<String, String> prefixed(String prefix) {
        if (prefix.isEmpty()) {
            return root.env();
        }
        Map<String, String> view = new HashMap<>();
        root.env().forEach((name, value) -> {
            if (name.startsWith(prefix + "LP_")) {
                view.put(name.substring(prefix.length()), value);
            }
        });
        return view;
    }
}
