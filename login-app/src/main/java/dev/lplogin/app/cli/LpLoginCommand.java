package dev.lplogin.app.cli;

import dev.lplogin.app.config.AppConfig;
import dev.lplogin.app.wiring.LoginComponent;
import dev.lplogin.domain.port.SessionListener;
import dev.lplogin.domain.usecase.LoginSettings;
import dev.lplogin.domain.usecase.LoginUseCase;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code lp-login} command: global options and what every subcommand shares (config, output, wiring). */
@Command(name = "lp-login", mixinStandardHelpOptions = true, version = "lp-login 0.1.0",
        description = "Log in to LivePerson's Login Service, keep sessions alive and hand out bearers.",
        footer = {"", "Exit codes:",
                "  0  ok                        4  blocked by LivePerson (451)",
                "  1  other error               5  rate limited (429)",
                "  2  usage or bad input        6  service unreachable or unavailable",
                "  3  credentials rejected      7  not logged in, and no credentials to log in",
                "More in docs/cli.md."})
final class LpLoginCommand implements Callable<Integer> {

    /**
     * The subcommands, in the order the usage lists them. Not in {@code @Command(subcommands = …)}: picocli would build
     * every one's model by reflection on each start, and {@link #register} lets a command that scripts run in a
     * loop ({@code status}, {@code exec}, …) build only its own (see docs/performance.md).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(DomainCommand.class, LoginCommand.class, TokenCommand.class,
            ApiCommand.class, RefreshCommand.class, LogoutCommand.class, StatusCommand.class, KeepaliveCommand.class,
            EmulatorCommand.class, DemoCommand.class, AgentCommand.class, ExecCommand.class, CompletionCommand.class);

    /** The commands that need no sibling: run alone, they are registered alone. */
    private static final Map<String, Class<?>> STANDALONE = Map.of("token", TokenCommand.class,
            "status", StatusCommand.class, "refresh", RefreshCommand.class, "login", LoginCommand.class,
            "logout", LogoutCommand.class, "exec", ExecCommand.class, "domain", DomainCommand.class,
            "api", ApiCommand.class);

    /** Global options that take a value (the value is not a subcommand name even when it looks like one). */
    private static final Set<String> VALUE_OPTIONS = Set.of("--csds", "--store", "--ca-cert", "--service-host");

    /**
     * Registers on {@code commandLine} the subcommands {@code args} need: only the one named when it is
     * {@linkplain #STANDALONE standalone}; when none is named (the usage, {@code --version}), each one's outline
     * (name and description, all that the usage lists), which takes no reflection over its options; else all in full
     * ({@code completion}, a mistyped name and its suggestions need them all).
     */
    static void register(CommandLine commandLine, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (VALUE_OPTIONS.contains(arg)) {
                i++;
            } else if (arg.equals("--")) {
                break;
            } else if (!arg.startsWith("-")) {
                Class<?> command = STANDALONE.get(arg);
                (command == null ? SUBCOMMANDS : List.<Class<?>>of(command)).forEach(commandLine::addSubcommand);
                return;
            }
        }
        SUBCOMMANDS.forEach(command -> commandLine.addSubcommand(outline(command)));
    }

    /** What the usage shows of {@code command}, read from its {@code @Command} alone. */
    static CommandSpec outline(Class<?> command) {
        Command annotation = command.getAnnotation(Command.class);
        CommandSpec outline = CommandSpec.create().name(annotation.name()).aliases(annotation.aliases());
        outline.usageMessage().description(annotation.description()).header(annotation.header())
                .hidden(annotation.hidden());
        return outline;
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--csds", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = {"Domain API base URL (env LP_CSDS); default", "https://api.liveperson.net."})
    private String csds;

    @Option(names = "--store", paramLabel = "DIR|memory|redis://HOST", scope = ScopeType.INHERIT,
            description = "Session store directory, 'memory', or redis://[user@]host[:port][/db] (rediss:// for TLS;"
                    + " password from LP_REDIS_PASSWORD) (env LP_STORE; default ~/.local/state/lp-login).")
    private String store;

    @Option(names = "--ca-cert", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Also trust this PEM certificate, e.g. the emulator's (env LP_CA_CERT).")
    private String caCert;

    @Option(names = "--service-host", paramLabel = "SERVICE=HOST[:PORT]", scope = ScopeType.INHERIT,
            description = {"Use this host for a service instead of the Domain API's answer; repeatable",
                    "(env LP_SERVICE_HOSTS, comma-separated). https only, except to loopback with an http --csds."})
    private List<String> serviceHosts;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Machine-readable output (not for 'token').")
    private boolean json;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Log details; show stack traces of errors.")
    private boolean verbose;

    private final Map<String, String> env;
    private final Terminal terminal;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Clock clock;
    private boolean warnedAboutOAuth1;

    LpLoginCommand(Map<String, String> env, Terminal terminal, PrintWriter out, PrintWriter err, Clock clock) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code lp-login} alone: show the usage and fail as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return ExitCode.USAGE.code();
    }

    /**
     * Sets the global options as picocli would from the command line, for {@link TokenFastPath}, which parses
     * without picocli (null = not given).
     */
    LpLoginCommand withGlobalOptions(String csds, String store, String caCert, String serviceHost, boolean json,
            boolean verbose) {
        this.csds = csds;
        this.store = store;
        this.caCert = caCert;
        this.serviceHosts = serviceHost == null ? null : List.of(serviceHost);
        this.json = json;
        this.verbose = verbose;
        return this;
    }

    Map<String, String> env() {
        return env;
    }

    Terminal terminal() {
        return terminal;
    }

    Clock clock() {
        return clock;
    }

    Output output() {
        return new Output(out, err, json, verbose);
    }

    /**
     * Standard output as bytes, for a body that must pass unchanged ({@code api}); what the text writer holds is
     * flushed first so that the two never interleave.
     */
    OutputStream stdoutBytes() {
        out.flush();
        return new FileOutputStream(FileDescriptor.out);
    }

    boolean verbose() {
        return verbose;
    }

    /** Where this run's credentials come from; a legacy OAuth1 key set is warned about once per run (spec §5). */
    CredentialSources credentialSources() {
        return new CredentialSources(env, terminal, () -> {
            if (!warnedAboutOAuth1) {
                warnedAboutOAuth1 = true;
                output().note(CredentialSources.OAUTH1_ENDED);
            }
        });
    }

    /** The configuration from the global flags plus a command's {@code --account}/{@code --user} (null = not given). */
    AppConfig config(String account, String user) {
        Map<AppConfig.Key, String> flags = new EnumMap<>(AppConfig.Key.class);
        putIfGiven(flags, AppConfig.Key.CSDS, csds);
        putIfGiven(flags, AppConfig.Key.STORE, store);
        putIfGiven(flags, AppConfig.Key.CA_CERT, caCert);
        putIfGiven(flags, AppConfig.Key.SERVICE_HOSTS, serviceHosts == null ? null : String.join(",", serviceHosts));
        putIfGiven(flags, AppConfig.Key.ACCOUNT, account);
        putIfGiven(flags, AppConfig.Key.USER, user);
        return AppConfig.resolve(flags, env, AppConfig.readConfigFile(AppConfig.configFile(env)));
    }

    /** The object graph for one command. */
    LoginComponent component(AppConfig config, LoginSettings settings, SessionListener listener) {
        return LoginComponent.create(config.adapters(), settings, listener);
    }

    /** The core for a command that runs once and exits ({@link #oneShot()} settings, no listener). */
    LoginUseCase oneShotCore(AppConfig config) {
        return component(config, oneShot(), SessionListener.NONE).loginUseCase();
    }

    /**
     * Lifecycle settings for a command that runs once and exits: no background refreshes, and the session stays
     * logged in (and stored) when the process ends — that is the point of {@code login} and {@code token}.
     */
    static LoginSettings oneShot() {
        return LoginSettings.builder().keepAlive(false).logoutOnClose(false).build();
    }

    private static void putIfGiven(Map<AppConfig.Key, String> flags, AppConfig.Key key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}
