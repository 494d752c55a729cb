package dev.lplogin.app.config;

import dev.lplogin.adapter.http.HttpSettings;
import dev.lplogin.adapter.http.ServiceHostOverrides;
import dev.lplogin.adapter.redis.RedisEndpoint;
import dev.lplogin.adapter.redis.RedisStoreSettings;
import dev.lplogin.adapter.storage.EncryptionKey;
import dev.lplogin.adapter.storage.FileTokenStore;
import dev.lplogin.app.wiring.AdapterSettings;
import dev.lplogin.app.wiring.AdapterSettings.Store;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Secret;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line's configuration: where the application finds LivePerson and keeps its sessions, resolved once per
 * run with the precedence <b>flags &gt; environment &gt; config file &gt; defaults</b>. Immutable; {@link #resolve}
 * validates every value and says in its message which source held a bad one.
 *
 * <p>This class only reads text and says where it came from. Every default and every rule about a value belongs to
 * the adapter that uses it and is not restated here: the Domain API URL's default and validation are
 * {@link HttpSettings}'s, the default store directory is {@link FileTokenStore#defaultDirectory}'s, the store key's
 * format is {@link EncryptionKey}'s.
 *
 * <p>Keys (config file name / environment variable / flag):
 * <ul>
 *   <li>{@code csds} / {@code LP_CSDS} / {@code --csds}: Domain API base URL; default {@link HttpSettings#defaults()}'s
 *   <li>{@code store} / {@code LP_STORE} / {@code --store}: session directory, {@code memory}, or a Redis URL
 *       ({@code redis://[user@]host[:port][/db]}, {@code redis-sentinel://[user@]host[:port][,…][/db]#master},
 *       {@code redis-cluster://[user@]host[:port][,…]}, {@code rediss…://} for TLS: fleet mode); default
 *       {@link FileTokenStore#defaultDirectory}. Any other {@code scheme://} is refused
 *   <li>{@code ca-cert} / {@code LP_CA_CERT} / {@code --ca-cert}: an extra PEM certificate to trust (e.g. the
 *       emulator's); default none
 *   <li>{@code account} / {@code LP_ACCOUNT} / {@code --account}: default account; none by default
 *   <li>{@code user} / {@code LP_USERNAME} / {@code --user}: default login name; none by default
 *   <li>{@code retry-delays} / {@code LP_RETRY_DELAYS}: pauses before HTTP retries, e.g. {@code 1s,2s} or
 *       {@code none}; default {@link HttpSettings#defaults()}'s
 *   <li>{@code service-hosts} / {@code LP_SERVICE_HOSTS} / {@code --service-host} (repeatable): service hosts that win
 *       over the Domain API, {@code SERVICE=HOST[:PORT],…} as {@link ServiceHostOverrides} reads them; default none.
 *       The value of the strongest source is taken whole (flags are not merged with the environment)
 * </ul>
 * The store key comes from {@code LP_STORE_KEY} or {@code LP_STORE_KEY_FILE} (the environment only: a secret has no
 * place in a config file); it seals the sessions of a Redis store too. The Redis password comes from
 * {@code LP_REDIS_PASSWORD}, or from the URL when the URL comes from the environment or the config file — never from
 * {@code --store}: a command line is visible to every user of the host. {@code ca-cert} is also trusted for
 * {@code rediss://}. The config file is {@code $XDG_CONFIG_HOME/lp-login/config.properties}, else
 * {@code ~/.config/lp-login/config.properties}; a missing file is the same as an empty one. It must be yours and not
 * writable by group or others, and not readable by them either when it holds a Redis password.
 * {@code LP_REDIS_PLAINTEXT=allow} (the environment only) lets a Redis store without a key use a Redis that is not on
 * this host.
 *
 * @param adapters what the composition root builds the adapters from
 * @param account  the default account id, if any
 * @param user     the default login name, if any
 */
public record AppConfig(AdapterSettings adapters, Optional<AccountId> account, Optional<String> user) {

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");
    private static final Pattern URL = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://.*", Pattern.DOTALL);

    /** Config keys, with the environment variable that sets each. */
    public enum Key {
        CSDS("csds", "LP_CSDS"),
        STORE("store", "LP_STORE"),
        CA_CERT("ca-cert", "LP_CA_CERT"),
        ACCOUNT("account", "LP_ACCOUNT"),
        USER("user", "LP_USERNAME"),
        RETRY_DELAYS("retry-delays", "LP_RETRY_DELAYS"),
        SERVICE_HOSTS("service-hosts", "LP_SERVICE_HOSTS", "--service-host");

        private final String property;
        private final String envVar;
        private final String flag;

        Key(String property, String envVar) {
            this(property, envVar, "--" + property);
        }

        Key(String property, String envVar, String flag) {
            this.property = property;
            this.envVar = envVar;
            this.flag = flag;
        }

        /** The name in the config file, e.g. {@code ca-cert}. */
        public String property() {
            return property;
        }

        /** The environment variable, e.g. {@code LP_CA_CERT}. */
        public String envVar() {
            return envVar;
        }

        /** The command-line flag, e.g. {@code --ca-cert}. */
        public String flag() {
            return flag;
        }
    }

    public AppConfig {
        Objects.requireNonNull(adapters, "adapters");
        Objects.requireNonNull(account, "account (use Optional.empty())");
        Objects.requireNonNull(user, "user (use Optional.empty())");
    }

    /**
     * Resolves every key from {@code flags} (keyed by {@link Key}, absent or null = not given), then {@code env}
     * (environment variables), then {@code file} (config file properties), then the adapters' defaults.
     *
     * @throws IllegalArgumentException naming the key and its source if a value is invalid
     */
    public static AppConfig resolve(Map<Key, String> flags, Map<String, String> env, Map<String, String> file) {
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(file, "file");
        Lookup lookup = new Lookup(flags, env, file);
        HttpSettings.Builder http = HttpSettings.builder().proxyEnvironment(env);   // HTTPS_PROXY, NO_PROXY
        lookup.find(Key.CSDS).ifPresent(v -> checked(v, () -> http.csdsBaseUrl(uri(v))));
        lookup.find(Key.CA_CERT).ifPresent(v -> checked(v, () -> http.extraTrustedCertificate(path(v))));
        lookup.find(Key.RETRY_DELAYS).ifPresent(v -> checked(v, () -> http.retryDelays(durations(v))));
        Optional<Found> storeValue = lookup.find(Key.STORE);
        Optional<Found> caCert = lookup.find(Key.CA_CERT);
        Store store = storeValue.map(found -> store(found, caCert, env))
                .orElseGet(() -> new Store.Directory(FileTokenStore.defaultDirectory(env, home(env)),
                        EncryptionKey.fromEnvironment(env)));
        // After the Domain API is known: it decides whether a service host may be given as plain http.
        URI csds = http.build().csdsBaseUrl();
        lookup.find(Key.SERVICE_HOSTS).ifPresent(v -> checked(v,
                () -> http.overrides(ServiceHostOverrides.parse(v.value(), csds))));
        Optional<AccountId> account = lookup.find(Key.ACCOUNT).map(AppConfig::accountId);
        Optional<String> user = lookup.find(Key.USER).map(Found::value);
        return new AppConfig(new AdapterSettings(http.build(), store), account, user);
    }

    /**
     * The configuration of a run against an emulator at {@code baseUrl} whose certificate is {@code pemFile}, with
     * sessions in memory and no defaults from the environment ({@code lp-login demo}).
     */
    public static AppConfig forEmulator(URI baseUrl, Path pemFile) {
        HttpSettings http = HttpSettings.builder().csdsBaseUrl(baseUrl).extraTrustedCertificate(pemFile).build();
        return new AppConfig(new AdapterSettings(http, new Store.Memory()), Optional.empty(), Optional.empty());
    }

    /** A copy that keeps sessions in {@code store}. */
    public AppConfig withStore(Store store) {
        return new AppConfig(new AdapterSettings(adapters.http(), store), account, user);
    }

    /** Where sessions are kept (shown to users as a directory, or {@code memory}). */
    public Store store() {
        return adapters.store();
    }

    /** {@code $XDG_CONFIG_HOME/lp-login/config.properties}, else {@code ~/.config/lp-login/config.properties}. */
    public static Path configFile(Map<String, String> env) {
        return xdg(env, "XDG_CONFIG_HOME", ".config").resolve("lp-login").resolve("config.properties");
    }

    /**
     * The properties of the config file at {@code file}; empty if it does not exist.
     *
     * @throws IllegalArgumentException if it exists but cannot be read or parsed (the message names the file)
     */
    public static Map<String, String> readConfigFile(Path file) {
        if (!Files.exists(file)) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read the config file " + file + " (" + e.getMessage()
                    + "); fix or delete it");
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        List<String> known = Arrays.stream(Key.values()).map(Key::property).toList();
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown key '" + name + "' in the config file " + file
                        + "; known keys: " + String.join(", ", known));
            }
        }
        checkPermissions(file, holdsPassword(values.get(Key.STORE.property())));
        return Map.copyOf(values);
    }

    /**
     * Refuses a config file that others could change (it says where the Domain API and the store are, so whoever
     * writes it can send your credentials elsewhere), that another user owns, or that others can read while it holds
     * a Redis password. As for the store directory and the key file: the fix is named, nothing is echoed.
     */
    private static void checkPermissions(Path file, boolean holdsPassword) {
        PosixFileAttributes attributes;
        try {
            attributes = Files.getFileAttributeView(file, PosixFileAttributeView.class) == null ? null
                    : Files.readAttributes(file, PosixFileAttributes.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the config file " + file + " (" + e.getMessage() + ")");
        }
        if (attributes == null) {
            return; // not a POSIX file system: its ACLs are the user's business
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        String mode = PosixFilePermissions.toString(permissions);
        owner(file).filter(me -> !me.equals(attributes.owner())).ifPresent(me -> {
            throw new IllegalArgumentException("the config file " + file + " is owned by "
                    + attributes.owner().getName() + ", not by you (" + me.getName() + "), so that user decides where"
                    + " your credentials go; use a file you own (or set XDG_CONFIG_HOME)");
        });
        if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IllegalArgumentException("the config file " + file + " is writable by group or others (" + mode
                    + "), so they could send your credentials elsewhere; fix it with: chmod 600 " + file);
        }
        if (holdsPassword && (permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.OTHERS_READ))) {
            throw new IllegalArgumentException("the config file " + file + " holds a Redis password and is readable"
                    + " by group or others (" + mode + "); fix it with: chmod 600 " + file + " (or move the password"
                    + " to " + RedisStoreSettings.PASSWORD_VARIABLE + ")");
        }
    }

    /** Whether a {@code store} value is a Redis URL with a password in it. */
    private static boolean holdsPassword(String store) {
        if (store == null || !RedisEndpoint.isRedisUrl(store.strip())) {
            return false;
        }
        try {
            return RedisEndpoint.parse(store).password().isPresent();
        } catch (IllegalArgumentException e) {
            return store.contains("@"); // malformed: reported when resolved; meanwhile assume the worst
        }
    }

    /** The user this process runs as, if the system can name it. */
    private static Optional<UserPrincipal> owner(Path file) {
        try {
            return Optional.of(file.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name")));
        } catch (IOException e) {
            return Optional.empty(); // no passwd entry for our uid (some containers): the mode checks still apply
        }
    }

    /** The store a {@code store} value names: {@code memory}, a Redis URL, or else a directory. */
    private static Store store(Found found, Optional<Found> caCert, Map<String, String> env) {
        if (found.value().equals("memory")) {
            return new Store.Memory();
        }
        Matcher url = URL.matcher(found.value());
        if (!url.matches()) {
            return new Store.Directory(path(found), EncryptionKey.fromEnvironment(env));
        }
        String scheme = url.group(1).toLowerCase(Locale.ROOT);
        if (!RedisEndpoint.isRedisUrl(found.value())) {
            // the value is not echoed: a URL may hold a password
            throw new IllegalArgumentException(found.key().property() + " (from " + found.source() + ") is a "
                    + scheme + ":// URL; the store is a directory, 'memory', or a redis://, rediss://,"
                    + " redis-sentinel:// or redis-cluster:// URL");
        }
        return new Store.Redis(redis(found, caCert, env));
    }

    private static RedisStoreSettings redis(Found found, Optional<Found> caCert, Map<String, String> env) {
        RedisEndpoint endpoint;
        try {
            endpoint = RedisEndpoint.parse(found.value());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(found.key().property() + " (from " + found.source() + ") is "
                    + e.getMessage(), e);
        }
        if (endpoint.password().isPresent() && found.source().startsWith("--")) {
            throw new IllegalArgumentException(found.key().property() + " (from " + found.source() + ") holds a"
                    + " password, and a command line is visible to every user of this host; set "
                    + RedisStoreSettings.PASSWORD_VARIABLE + " instead (or put the URL in " + Key.STORE.envVar()
                    + " or the config file)");
        }
        String password = env.get(RedisStoreSettings.PASSWORD_VARIABLE);
        if (password != null && !password.isEmpty()) {
            endpoint = endpoint.withPassword(Secret.of(password));
        }
        String plaintext = env.get(RedisStoreSettings.PLAINTEXT_VARIABLE);
        if (plaintext != null && !plaintext.isBlank() && !plaintext.strip().equals("allow")) {
            throw new IllegalArgumentException(RedisStoreSettings.PLAINTEXT_VARIABLE + " must be 'allow' (keep"
                    + " sessions in clear in a Redis that is not on this host) or unset");
        }
        RedisStoreSettings settings = RedisStoreSettings.of(endpoint).withKey(EncryptionKey.fromEnvironment(env))
                .withPlaintextAllowed(plaintext != null && plaintext.strip().equals("allow"));
        return caCert.map(pem -> settings.withCaCert(path(pem))).orElse(settings);
    }

    /** Applies one value to the adapter's settings; the adapter's own validation message gets the value's source. */
    private static void checked(Found found, Runnable apply) {
        try {
            apply.run();
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(found.key().property() + " (from ")) {
                throw e; // already says where the value came from
            }
            throw new IllegalArgumentException(found.key().property() + " (from " + found.source() + "): "
                    + e.getMessage(), e);
        }
    }

    private static URI uri(Found found) {
        try {
            return new URI(found.value());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(found.key().property() + " (from " + found.source() + ") is not a URL: '"
                    + found.value() + "'", e);
        }
    }

    /**
     * A duration as people write it: {@code 500ms}, {@code 90s}, {@code 4m}, {@code 1h}.
     *
     * @throws IllegalArgumentException if {@code value} is not one, or not positive
     */
    public static Duration duration(String value) {
        Matcher m = DURATION.matcher(value.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not a positive duration such as 500ms, 90s, 4m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    private static List<Duration> durations(Found found) {
        if (found.value().equals("none")) {
            return List.of();
        }
        try {
            return Arrays.stream(found.value().split(",")).map(AppConfig::duration).toList();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(found.key().property() + " (from " + found.source() + ") must be a "
                    + "comma-separated list of durations such as 1s,2s, or 'none': " + e.getMessage(), e);
        }
    }

    private static AccountId accountId(Found found) {
        try {
            return AccountId.of(found.value());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (from " + found.source() + ")", e);
        }
    }

    private static Path path(Found found) {
        try {
            return Path.of(found.value());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + found.value() + "' (from " + found.source()
                    + ") is not a valid path", e);
        }
    }

    private static Path xdg(Map<String, String> env, String variable, String fallbackUnderHome) {
        String base = env.get(variable);
        // The XDG spec says relative values are invalid and must be ignored.
        if (base != null && !base.isBlank() && Path.of(base).isAbsolute()) {
            return Path.of(base);
        }
        return home(env).resolve(fallbackUnderHome);
    }

    private static Path home(Map<String, String> env) {
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
    }

    /** A value and where it was found, for error messages. */
    private record Found(Key key, String value, String source) {
    }

    /** Walks the sources in precedence order; blank values count as not set. */
    private record Lookup(Map<Key, String> flags, Map<String, String> env, Map<String, String> file) {
        Optional<Found> find(Key key) {
            String flag = flags.get(key);
            if (flag != null && !flag.isBlank()) {
                return Optional.of(new Found(key, flag.strip(), key.flag()));
            }
            String fromEnv = env.get(key.envVar());
            if (fromEnv != null && !fromEnv.isBlank()) {
                return Optional.of(new Found(key, fromEnv.strip(), key.envVar()));
            }
            String fromFile = file.get(key.property());
            if (fromFile != null && !fromFile.isBlank()) {
                return Optional.of(new Found(key, fromFile.strip(), "the config file"));
            }
            return Optional.empty();
        }
    }
}
