package dev.lplogin.app.wiring;

import dev.lplogin.adapter.storage.EncryptionKey;
import dev.lplogin.adapter.storage.FileTokenStore;
import dev.lplogin.domain.model.AccountId;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the application finds LivePerson and keeps its sessions, resolved once per run with the precedence
 * <b>flags &gt; environment &gt; config file &gt; defaults</b>. Immutable; {@link #resolve} validates every value and
 * says in its message which source held a bad one.
 *
 * <p>Keys (config file name / environment variable / flag):
 * <ul>
 *   <li>{@code csds} / {@code LP_CSDS} / {@code --csds}: Domain API base URL, default
 *       {@code https://api.liveperson.net}
 *   <li>{@code store} / {@code LP_STORE} / {@code --store}: session directory, or {@code memory}; default
 *       {@code $XDG_STATE_HOME/lp-login}, else {@code ~/.local/state/lp-login}
 *   <li>{@code ca-cert} / {@code LP_CA_CERT} / {@code --ca-cert}: an extra PEM certificate to trust (e.g. the
 *       emulator's); default none
 *   <li>{@code account} / {@code LP_ACCOUNT} / {@code --account}: default account; none by default
 *   <li>{@code user} / {@code LP_USERNAME} / {@code --user}: default login name; none by default
 *   <li>{@code retry-delays} / {@code LP_RETRY_DELAYS}: pauses before HTTP retries, e.g. {@code 1s,2s} or
 *       {@code none}; default LivePerson's 5s,10s,15s
 * </ul>
 * The config file is {@code $XDG_CONFIG_HOME/lp-login/config.properties}, else
 * {@code ~/.config/lp-login/config.properties}; a missing file is the same as an empty one.
 *
 * @param csds    the Domain API base URL (http or https, absolute)
 * @param store   where sessions are kept
 * @param storeKey the key that encrypts session files, from {@code LP_STORE_KEY} or {@code LP_STORE_KEY_FILE} (the
 *                environment only: a secret has no place in a config file); none = plaintext files (0600)
 * @param caCert  an extra certificate (PEM file) to trust, if any
 * @param account the default account id, if any
 * @param user    the default login name, if any
 * @param retryDelays the pauses before retrying a failed HTTP call (5xx, connection failure); empty = the adapter's
 *                default, LivePerson's 5 s, 10 s, 15 s (spec §3.4). Key {@code retry-delays} / {@code LP_RETRY_DELAYS}
 *                (no flag), e.g. {@code 1s,2s} or {@code none} to fail at once
 */
public record AppConfig(URI csds, Store store, Optional<EncryptionKey> storeKey, Optional<Path> caCert,
        Optional<AccountId> account, Optional<String> user, Optional<List<Duration>> retryDelays) {

    /** The Domain API LivePerson runs (spec §2). */
    public static final URI DEFAULT_CSDS = URI.create("https://api.liveperson.net");

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");

    /** Config keys, with the environment variable that sets each. */
    public enum Key {
        CSDS("csds", "LP_CSDS"),
        STORE("store", "LP_STORE"),
        CA_CERT("ca-cert", "LP_CA_CERT"),
        ACCOUNT("account", "LP_ACCOUNT"),
        USER("user", "LP_USERNAME"),
        RETRY_DELAYS("retry-delays", "LP_RETRY_DELAYS");

        private final String property;
        private final String envVar;

        Key(String property, String envVar) {
            this.property = property;
            this.envVar = envVar;
        }

        /** The name in the config file, e.g. {@code ca-cert}. */
        public String property() {
            return property;
        }

        /** The environment variable, e.g. {@code LP_CA_CERT}. */
        public String envVar() {
            return envVar;
        }
    }

    /** Where sessions are kept: a directory of files, or memory only (gone when the process ends). */
    public sealed interface Store {
        /** Sessions live only as long as the process. */
        record Memory() implements Store {
            @Override
            public String toString() {
                return "memory";
            }
        }

        /** Sessions are files in {@code directory}. */
        record Directory(Path directory) implements Store {
            public Directory {
                Objects.requireNonNull(directory, "directory");
            }

            @Override
            public String toString() {
                return directory.toString();
            }
        }
    }

    public AppConfig {
        Objects.requireNonNull(csds, "csds");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(storeKey, "store key (use Optional.empty())");
        Objects.requireNonNull(caCert, "ca cert (use Optional.empty())");
        Objects.requireNonNull(account, "account (use Optional.empty())");
        Objects.requireNonNull(user, "user (use Optional.empty())");
        retryDelays = Objects.requireNonNull(retryDelays, "retry delays (use Optional.empty())").map(List::copyOf);
    }

    /** The defaults for a user whose home and XDG variables are given by {@code env}, with no file and no flags. */
    public static AppConfig defaults(Map<String, String> env) {
        return resolve(Map.of(), env, Map.of());
    }

    /**
     * Resolves every key from {@code flags} (keyed by {@link Key}, absent or null = not given), then {@code env}
     * (environment variables), then {@code file} (config file properties), then the defaults.
     *
     * @throws IllegalArgumentException naming the key and its source if a value is invalid
     */
    public static AppConfig resolve(Map<Key, String> flags, Map<String, String> env, Map<String, String> file) {
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(file, "file");
        Lookup lookup = new Lookup(flags, env, file);
        URI csds = lookup.find(Key.CSDS).map(v -> parseCsds(v.value(), v.source())).orElse(DEFAULT_CSDS);
        Store store = lookup.find(Key.STORE).map(v -> parseStore(v.value(), v.source()))
                .orElseGet(() -> new Store.Directory(defaultStoreDirectory(env)));
        Optional<Path> caCert = lookup.find(Key.CA_CERT).map(v -> path(v.value(), v.source()));
        Optional<AccountId> account = lookup.find(Key.ACCOUNT).map(v -> accountId(v.value(), v.source()));
        Optional<String> user = lookup.find(Key.USER).map(Found::value);
        Optional<List<Duration>> retryDelays = lookup.find(Key.RETRY_DELAYS)
                .map(v -> durations(v.value(), v.source()));
        return new AppConfig(csds, store, EncryptionKey.fromEnvironment(env), caCert, account, user, retryDelays);
    }

    /** {@code $XDG_CONFIG_HOME/lp-login/config.properties}, else {@code ~/.config/lp-login/config.properties}. */
    public static Path configFile(Map<String, String> env) {
        return xdg(env, "XDG_CONFIG_HOME", ".config").resolve("lp-login").resolve("config.properties");
    }

    /** {@code $XDG_STATE_HOME/lp-login}, else {@code ~/.local/state/lp-login} (the file store's own rule). */
    public static Path defaultStoreDirectory(Map<String, String> env) {
        return FileTokenStore.defaultDirectory(env, home(env));
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
        for (String name : values.keySet()) {
            boolean known = false;
            for (Key key : Key.values()) {
                known |= key.property().equals(name);
            }
            if (!known) {
                throw new IllegalArgumentException("unknown key '" + name + "' in the config file " + file
                        + "; known keys: csds, store, ca-cert, account, user, retry-delays");
            }
        }
        return Map.copyOf(values);
    }

    /** A copy that keeps sessions in {@code store}. */
    public AppConfig withStore(Store value) {
        return new AppConfig(csds, value, storeKey, caCert, account, user, retryDelays);
    }

    private static URI parseCsds(String value, String source) {
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, with the same advice as any other malformed value
        }
        throw new IllegalArgumentException("csds (from " + source + ") must be an http(s) base URL such as "
                + DEFAULT_CSDS + ", got '" + value + "'");
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

    private static List<Duration> durations(String value, String source) {
        if (value.equals("none")) {
            return List.of();
        }
        try {
            return Arrays.stream(value.split(",")).map(AppConfig::duration).toList();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Key.RETRY_DELAYS.property() + " (from " + source + ") must be a "
                    + "comma-separated list of durations such as 1s,2s, or 'none': " + e.getMessage(), e);
        }
    }

    private static AccountId accountId(String value, String source) {
        try {
            return AccountId.of(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (from " + source + ")", e);
        }
    }

    private static Store parseStore(String value, String source) {
        return value.equals("memory") ? new Store.Memory() : new Store.Directory(path(value, source));
    }

    private static Path path(String value, String source) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + value + "' (from " + source + ") is not a valid path");
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
    private record Found(String value, String source) {
    }

    /** Walks the sources in precedence order; blank values count as not set. */
    private record Lookup(Map<Key, String> flags, Map<String, String> env, Map<String, String> file) {
        Optional<Found> find(Key key) {
            String flag = flags.get(key);
            if (flag != null && !flag.isBlank()) {
                return Optional.of(new Found(flag.strip(), "--" + key.property()));
            }
            String fromEnv = env.get(key.envVar());
            if (fromEnv != null && !fromEnv.isBlank()) {
                return Optional.of(new Found(fromEnv.strip(), key.envVar()));
            }
            String fromFile = file.get(key.property());
            if (fromFile != null && !fromFile.isBlank()) {
                return Optional.of(new Found(fromFile.strip(), "the config file"));
            }
            return Optional.empty();
        }
    }
}
