package dev.lplogin.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.adapter.redis.RedisEndpoint;
import dev.lplogin.adapter.redis.RedisStoreSettings;
import dev.lplogin.adapter.storage.EncryptionKey;
import dev.lplogin.adapter.http.HttpSettings;
import dev.lplogin.app.config.AppConfig.Key;
import dev.lplogin.app.wiring.AdapterSettings;
import dev.lplogin.app.wiring.AdapterSettings.Store;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration precedence: flags > environment > config file > defaults, with explicit maps (no real env). */
class AppConfigTest {

    private static final Map<String, String> HOME = Map.of("HOME", "/home/ann");

    @Test
    void defaults_follow_liveperson_and_xdg() {
        AppConfig config = AppConfig.resolve(Map.of(), HOME, Map.of());

        assertThat(config.adapters().http()).as("the HTTP adapter's own defaults").isEqualTo(HttpSettings.defaults());
        assertThat(config.store()).isEqualTo(dir("/home/ann/.local/state/lp-login"));
        assertThat(config.account()).isEmpty();
        assertThat(config.user()).isEmpty();
    }

    @Test
    void xdg_state_home_moves_the_default_store_and_xdg_config_home_the_config_file() {
        Map<String, String> env = Map.of("HOME", "/home/ann", "XDG_STATE_HOME", "/var/state",
                "XDG_CONFIG_HOME", "/etc/ann");

        assertThat(AppConfig.resolve(Map.of(), env, Map.of()).store())
                .isEqualTo(dir("/var/state/lp-login"));
        assertThat(AppConfig.configFile(env)).isEqualTo(Path.of("/etc/ann/lp-login/config.properties"));
        assertThat(AppConfig.configFile(HOME)).isEqualTo(Path.of("/home/ann/.config/lp-login/config.properties"));
    }

    @Test
    void relative_xdg_values_are_ignored_as_the_xdg_spec_says() {
        Map<String, String> env = Map.of("HOME", "/home/ann", "XDG_STATE_HOME", "relative/state");

        assertThat(AppConfig.resolve(Map.of(), env, Map.of()).store())
                .isEqualTo(dir("/home/ann/.local/state/lp-login"));
    }

    @Test
    void file_beats_defaults_env_beats_file_flags_beat_env() {
        Map<String, String> file = Map.of("csds", "https://file.example", "store", "/file/store",
                "ca-cert", "/file/ca.pem", "account", "111", "user", "file-user");
        Map<String, String> env = Map.of("HOME", "/home/ann", "LP_CSDS", "https://env.example",
                "LP_STORE", "/env/store", "LP_ACCOUNT", "222");
        Map<Key, String> flags = Map.of(Key.CSDS, "http://127.0.0.1:8080");

        AppConfig config = AppConfig.resolve(flags, env, file);

        assertThat(config.adapters().http().csdsBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080")); // flag
        assertThat(config.store()).isEqualTo(dir("/env/store")); // env
        assertThat(config.account()).contains(AccountId.of("222")); // env
        assertThat(config.adapters().http().extraTrustedCertificate()).contains(Path.of("/file/ca.pem")); // file
        assertThat(config.user()).contains("file-user"); // file
    }

    @Test
    void each_key_reads_its_own_environment_variable() {
        Map<String, String> env = Map.of("HOME", "/h", "LP_CSDS", "https://c.example", "LP_STORE", "memory",
                "LP_CA_CERT", "/ca.pem", "LP_ACCOUNT", "123", "LP_USERNAME", "bob", "LP_RETRY_DELAYS", "1s,500ms");

        AppConfig config = AppConfig.resolve(Map.of(), env, Map.of());

        HttpSettings http = HttpSettings.builder().csdsBaseUrl(URI.create("https://c.example"))
                .extraTrustedCertificate(Path.of("/ca.pem"))
                .retryDelays(List.of(Duration.ofSeconds(1), Duration.ofMillis(500))).build();
        assertThat(config).isEqualTo(new AppConfig(new AdapterSettings(http, new Store.Memory()),
                Optional.of(AccountId.of("123")), Optional.of("bob")));
    }

    @Test
    void the_store_key_comes_from_the_environment_only() {
        EncryptionKey key = EncryptionKey.generate();

        assertThat(AppConfig.resolve(Map.of(), Map.of("HOME", "/h", "LP_STORE_KEY", key.revealBase64()), Map.of())
                .store()).isEqualTo(new Store.Directory(Path.of("/h/.local/state/lp-login"), Optional.of(key)));
        assertThat(AppConfig.resolve(Map.of(), HOME, Map.of()).store()).isEqualTo(dir("/home/ann/.local/state/lp-login"));
    }

    @Test
    void retry_delays_are_a_list_of_durations_or_none() {
        assertThat(AppConfig.resolve(Map.of(), HOME, Map.of("retry-delays", "none")).adapters().http().retryDelays())
                .isEmpty();
        assertThat(AppConfig.resolve(Map.of(), HOME, Map.of()).adapters().http().retryDelays())
                .isEqualTo(HttpSettings.defaults().retryDelays());
        assertThatThrownBy(() -> AppConfig.resolve(Map.of(), HOME, Map.of("retry-delays", "5,10")))
                .hasMessageContaining("retry-delays").hasMessageContaining("config file");
    }

    @Test
    void service_hosts_come_from_the_strongest_source_whole() {
        Map<String, String> file = Map.of("service-hosts", "accountConfigReadOnly=file.example,msgHist=file.example");
        Map<String, String> env = Map.of("HOME", "/h", "LP_SERVICE_HOSTS", "accountConfigReadOnly=env.example:8443");

        assertThat(AppConfig.resolve(Map.of(), HOME, file).adapters().http().overrides()).isEqualTo(Map.of(
                ServiceName.of("accountConfigReadOnly"), ServiceHost.of("file.example"),
                ServiceName.of("msgHist"), ServiceHost.of("file.example")));
        assertThat(AppConfig.resolve(Map.of(), env, file).adapters().http().overrides()).as("env over file, whole")
                .isEqualTo(Map.of(ServiceName.of("accountConfigReadOnly"), ServiceHost.of("env.example:8443")));
        assertThat(AppConfig.resolve(Map.of(Key.SERVICE_HOSTS, "agentVep=flag.example,msgHist=https://m.example"),
                env, file).adapters().http().overrides()).as("flags over env")
                .isEqualTo(Map.of(ServiceName.of("agentVep"), ServiceHost.of("flag.example"),
                        ServiceName.of("msgHist"), ServiceHost.of("m.example")));
        assertThat(AppConfig.resolve(Map.of(Key.SERVICE_HOSTS, "none"), env, file).adapters().http().overrides())
                .isEmpty();
    }

    @Test
    void a_bad_service_host_names_its_source_and_what_is_wrong() {
        assertThatThrownBy(() -> AppConfig.resolve(Map.of(Key.SERVICE_HOSTS, "agentVep"), HOME, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("service-hosts (from --service-host): 'agentVep' is not SERVICE=HOST[:PORT]");
        assertThatThrownBy(() -> AppConfig.resolve(Map.of(),
                Map.of("HOME", "/h", "LP_SERVICE_HOSTS", "bad/name=h.example"), Map.of()))
                .hasMessage("service-hosts (from LP_SERVICE_HOSTS): 'bad/name': service name must be 1-64 of "
                        + "[A-Za-z0-9_.-], e.g. agentVep");
        assertThatThrownBy(() -> AppConfig.resolve(Map.of(), HOME, Map.of("service-hosts", "msgHist=h.example/x")))
                .hasMessageStartingWith("service-hosts (from the config file): the host of service 'msgHist' "
                        + "('h.example/x'): a service host must be a bare host or host:port");
    }

    @Test
    void plain_http_service_hosts_follow_the_domain_apis_scheme_whichever_source_set_it() {
        Map<Key, String> flags = Map.of(Key.SERVICE_HOSTS, "agentVep=http://127.0.0.1:9000");

        assertThatThrownBy(() -> AppConfig.resolve(flags, HOME, Map.of()))
                .hasMessageContaining("service hosts are reached over https only");
        assertThat(AppConfig.resolve(flags, HOME, Map.of("csds", "http://127.0.0.1:8080")).adapters().http()
                .overrides()).as("the emulator over plain http, from the config file")
                .isEqualTo(Map.of(ServiceName.LOGIN, ServiceHost.of("127.0.0.1:9000")));
    }

    @Test
    void blank_values_count_as_not_set() {
        AppConfig config = AppConfig.resolve(Map.of(Key.ACCOUNT, " "), Map.of("HOME", "/h", "LP_ACCOUNT", ""),
                Map.of("account", "333"));

        assertThat(config.account()).contains(AccountId.of("333"));
    }

    @Test
    void a_bad_csds_names_its_source() {
        assertThatThrownBy(() -> AppConfig.resolve(Map.of(), Map.of("HOME", "/h", "LP_CSDS", "ftp://x"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LP_CSDS").hasMessageContaining("ftp://x");
        assertThatThrownBy(() -> AppConfig.resolve(Map.of(Key.CSDS, "api.liveperson.net"), HOME, Map.of()))
                .hasMessageContaining("--csds");
        assertThatThrownBy(() -> AppConfig.resolve(Map.of(Key.CSDS, "https://a b"), HOME, Map.of()))
                .hasMessageContaining("--csds").hasMessageContaining("https://a b");
    }

    /** The config reads text; the rules are the HTTP adapter's, so both accept and refuse exactly the same URLs. */
    @Test
    void the_csds_url_is_validated_by_the_http_adapters_own_rule() {
        for (String url : List.of("http://api.liveperson.net", "https://u:p@api.liveperson.net", "https://x/?q=1")) {
            assertThatThrownBy(() -> HttpSettings.builder().csdsBaseUrl(URI.create(url)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> AppConfig.resolve(Map.of(), Map.of("HOME", "/h", "LP_CSDS", url), Map.of()))
                    .as(url).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LP_CSDS");
        }
        assertThat(AppConfig.resolve(Map.of(Key.CSDS, "http://[::1]:8080"), HOME, Map.of()).adapters().http())
                .isEqualTo(HttpSettings.builder().csdsBaseUrl(URI.create("http://[::1]:8080")).build());
    }

    @Test
    void a_malformed_account_names_its_source() {
        assertThatThrownBy(() -> AppConfig.resolve(Map.of(), HOME, Map.of("account", "12/34")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("account id must be").hasMessageContaining("config file");
    }

    @Test
    void a_trailing_slash_of_the_csds_url_is_dropped() {
        assertThat(AppConfig.resolve(Map.of(Key.CSDS, "https://api.liveperson.net/"), HOME, Map.of()).adapters().http()
                .csdsBaseUrl())
                .isEqualTo(URI.create("https://api.liveperson.net"));
    }

    @Test
    void config_file_is_read_and_a_missing_one_is_empty(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.properties");
        assertThat(AppConfig.readConfigFile(file)).isEmpty();

        Files.writeString(file, "# mine\ncsds = https://x.example\naccount=42\n");

        assertThat(AppConfig.readConfigFile(file)).isEqualTo(Map.of("csds", "https://x.example", "account", "42"));
    }

    @Test
    void an_unknown_key_in_the_config_file_is_an_error_naming_the_file(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.properties");
        Files.writeString(file, "csdss=https://x.example\n");

        assertThatThrownBy(() -> AppConfig.readConfigFile(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("csdss").hasMessageContaining(file.toString());
    }

    @Test
    void a_config_file_others_can_write_is_refused_with_the_fix(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("config.properties"), "csds=https://x.example\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));

        assertThatThrownBy(() -> AppConfig.readConfigFile(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is writable by group or others (rw-rw-r--)")
                .hasMessageContaining("chmod 600 " + file);
    }

    @Test
    void a_config_file_holding_a_redis_password_must_be_readable_by_its_owner_only(@TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("config.properties"),
                "store=redis://bot:pa55word@redis.internal:6379\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> AppConfig.readConfigFile(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds a Redis password and is readable by group or others")
                .hasMessageContaining("chmod 600 " + file).hasMessageNotContaining("pa55word");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(AppConfig.readConfigFile(file)).containsKey("store");
        Path plain = Files.writeString(dir.resolve("plain.properties"), "store=redis://redis.internal:6379\n");
        Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(AppConfig.readConfigFile(plain)).as("no secret in it: readable is fine").containsKey("store");
    }

    @Test
    void lp_redis_plaintext_allow_is_the_explicit_opt_out_for_a_remote_redis_without_a_key() {
        Map<String, String> env = Map.of("HOME", "/home/ann", "LP_STORE", "redis://redis.internal:6379");

        assertThat(((Store.Redis) AppConfig.resolve(Map.of(), env, Map.of()).store()).settings().plaintextAllowed())
                .isFalse();
        Map<String, String> allowed = new java.util.HashMap<>(env);
        allowed.put("LP_REDIS_PLAINTEXT", "allow");
        assertThat(((Store.Redis) AppConfig.resolve(Map.of(), allowed, Map.of()).store()).settings()
                .plaintextAllowed()).isTrue();
        allowed.put("LP_REDIS_PLAINTEXT", "yes");
        assertThatThrownBy(() -> AppConfig.resolve(Map.of(), allowed, Map.of()))
                .hasMessageContaining("LP_REDIS_PLAINTEXT must be 'allow'");
    }

    // --- a Redis store (fleet mode) ------------------------------------------------------------------------------

    @Test
    void a_redis_url_is_a_redis_store_with_the_password_key_and_ca_from_the_environment() {
        EncryptionKey key = EncryptionKey.generate();
        Map<String, String> env = Map.of("HOME", "/home/ann", "LP_STORE", "rediss://bot@redis.internal:6380/2",
                "LP_REDIS_PASSWORD", "s3cret", "LP_STORE_KEY", key.revealBase64(), "LP_CA_CERT", "/etc/ca.pem");

        Store store = AppConfig.resolve(Map.of(), env, Map.of()).store();

        assertThat(store).isInstanceOf(Store.Redis.class).hasToString("rediss://bot@redis.internal:6380/2");
        RedisStoreSettings redis = ((Store.Redis) store).settings();
        assertThat(redis.endpoint().tls()).isTrue();
        assertThat(redis.endpoint().user()).contains("bot");
        assertThat(redis.endpoint().password()).contains(Secret.of("s3cret"));
        assertThat(redis.key()).contains(key);
        assertThat(redis.caCert()).contains(Path.of("/etc/ca.pem"));
        assertThat(redis.toString()).doesNotContain("s3cret");
    }

    @Test
    void a_password_in_a_redis_url_is_taken_from_the_environment_or_the_file_but_refused_on_the_command_line() {
        String url = "redis://bot:hunter2@redis.internal";

        assertThat(redisPassword(AppConfig.resolve(Map.of(), Map.of("HOME", "/h", "LP_STORE", url), Map.of())))
                .contains(Secret.of("hunter2"));
        assertThat(redisPassword(AppConfig.resolve(Map.of(), HOME, Map.of("store", url))))
                .contains(Secret.of("hunter2"));
        assertThat(redisPassword(AppConfig.resolve(Map.of(), Map.of("HOME", "/h", "LP_STORE", url,
                "LP_REDIS_PASSWORD", "from-variable"), Map.of()))).as("LP_REDIS_PASSWORD wins")
                .contains(Secret.of("from-variable"));
        assertThatThrownBy(() -> AppConfig.resolve(Map.of(Key.STORE, url), HOME, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--store").hasMessageContaining("LP_REDIS_PASSWORD")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void sentinel_and_cluster_urls_are_redis_stores_from_the_command_line_the_environment_or_the_file() {
        String sentinel = "rediss-sentinel://bot@s1:26379,s2:26380/1#lp-primary";
        String cluster = "redis-cluster://10.0.0.1:7000,10.0.0.2:7001";

        Store fromFlag = AppConfig.resolve(Map.of(Key.STORE, sentinel), Map.of("HOME", "/h", "LP_REDIS_PASSWORD",
                "s3cret"), Map.of()).store();
        Store fromEnv = AppConfig.resolve(Map.of(), Map.of("HOME", "/h", "LP_STORE", cluster), Map.of()).store();
        Store fromFile = AppConfig.resolve(Map.of(), HOME, Map.of("store", "redis-sentinel://:pw@s1#m")).store();

        assertThat(fromFlag).hasToString(sentinel);
        RedisStoreSettings flagged = ((Store.Redis) fromFlag).settings();
        assertThat(flagged.endpoint().topology()).isEqualTo(new RedisEndpoint.Sentinel("lp-primary"));
        assertThat(flagged.endpoint().password()).contains(Secret.of("s3cret"));
        assertThat(((Store.Redis) fromEnv).settings().endpoint().topology()).isEqualTo(new RedisEndpoint.Cluster());
        assertThat(fromEnv).hasToString(cluster);
        assertThat(redisPassword(AppConfig.resolve(Map.of(), HOME, Map.of("store", "redis-sentinel://:pw@s1#m"))))
                .contains(Secret.of("pw"));
        assertThat(fromFile).hasToString("redis-sentinel://s1:26379/0#m");
        assertThatThrownBy(() -> AppConfig.resolve(Map.of(Key.STORE, "redis-cluster://:hunter2@h"), HOME, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LP_REDIS_PASSWORD")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> AppConfig.resolve(Map.of(), Map.of("HOME", "/h", "LP_STORE", "redis-sentinel://s1"),
                Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("store (from LP_STORE) is not a valid Redis URL: a redis-sentinel:// URL ends"
                        + " with #<master name>");
    }

    @Test
    void other_urls_are_bad_input_and_never_become_a_directory() {
        assertThatThrownBy(() -> AppConfig.resolve(Map.of(Key.STORE, "memcached://u:pw@cache:11211"), HOME, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("store (from --store) is a memcached:// URL").hasMessageNotContaining("pw@");
        assertThatThrownBy(() -> AppConfig.resolve(Map.of(), Map.of("HOME", "/h", "LP_STORE", "redis://h:99999"),
                Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("store (from LP_STORE) is not a valid Redis URL");
        assertThat(AppConfig.resolve(Map.of(Key.STORE, "redis:6379"), HOME, Map.of()).store())
                .as("no //: a (strange) directory name").isEqualTo(dir("redis:6379"));
    }

    private static Optional<Secret> redisPassword(AppConfig config) {
        return ((Store.Redis) config.store()).settings().endpoint().password();
    }

    private static Store dir(String path) {
        return new Store.Directory(Path.of(path), Optional.empty());
    }
}
