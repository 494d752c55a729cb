package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.adapter.storage.EncryptionKey;
import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.EmulatorExtension;
import dev.lplogin.testkit.RedisCluster;
import dev.lplogin.testkit.RedisSentinels;
import dev.lplogin.testkit.RedisServer;
import dev.lplogin.testkit.RedisServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI with {@code --store redis://…} (fleet mode, docs/fleet.md), as real processes on the module path against a
 * real redis-server and the emulator: sessions shared through Redis (one node, Sentinel, Cluster), the password rules, a Redis that is down, and
 * Lettuce and Netty loaded only when a Redis store is configured.
 */
class RedisStoreCliIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.https();

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final String ACCOUNT = DemoAccount.ACCOUNT_ID;

    @TempDir
    Path dir;

    private LoginEmulator emulator;
    private CliProcess cli;

    @BeforeEach
    void cli() throws Exception {
        emulator = EMULATOR.emulator();
        cli = configured();
    }

    /** A CLI on the emulator, with the test's temporary HOME and file store. */
    private CliProcess configured() {
        return CliProcess.against(emulator, dir);
    }

    @Test
    void processes_share_the_session_through_redis_and_only_then_load_lettuce() throws Exception {
        String store = REDIS.url();
        Path classLog = dir.resolve("classes.log");

        CliProcess.Result login = configured().jvmOption("-Xlog:class+load=info:file=" + classLog)
                .run(Map.of("LP_PASSWORD", DemoAccount.PASSWORD), "", "--store", store, "login",
                        "--account", ACCOUNT, "--user", DemoAccount.USERNAME);
        CliProcess.Result token = cli.run("--store", store, "token", "--account", ACCOUNT, "--user",
                DemoAccount.USERNAME);
        CliProcess.Result fromEnv = configured().env("LP_STORE", store).run("token", "--account", ACCOUNT);
        CliProcess.Result status = cli.run("--store", store, "status");

        assertThat(login.exitCode()).as(login.err()).isZero();
        assertThat(token.exitCode()).as(token.err()).isZero();
        assertThat(emulator.isBearerValid(token.line())).isTrue();
        assertThat(fromEnv.line()).isEqualTo(token.line());
        assertThat(status.out()).contains(DemoAccount.USERNAME).doesNotContain(token.line());
        assertThat(emulator.stats().requests(Endpoint.LOGIN)).as("one login for three processes").isEqualTo(1);
        assertThat(Files.readString(classLog)).contains("io.lettuce.core.RedisClient").contains("io.netty.");
        // only the app ships a logging binding (login-adapters-redis brings none): Lettuce's SLF4J goes to JUL
        assertThat(Files.readString(classLog)).contains("org.slf4j.jul.JULServiceProvider");
        assertThat(login.err()).doesNotContain("SLF4J")
                .as("loud, once: the sessions are in clear in Redis").contains("no store key is set");
    }

    @Test
    void processes_share_the_session_through_sentinel_and_through_a_cluster() {
        try (RedisSentinels sentinels = RedisSentinels.start(1); RedisCluster cluster = RedisCluster.start(3, 0)) {
            for (String store : List.of(sentinels.url(), cluster.url())) {
                long loginsBefore = emulator.stats().requests(Endpoint.LOGIN);
                CliProcess.Result login = cli.run(Map.of("LP_PASSWORD", DemoAccount.PASSWORD), "", "--store", store,
                        "login", "--account", ACCOUNT, "--user", DemoAccount.USERNAME);
                CliProcess.Result token = configured().env("LP_STORE", store).run("token", "--account", ACCOUNT);
                CliProcess.Result status = cli.run("--store", store, "status");

                assertThat(login.exitCode()).as(store + ": " + login.err()).isZero();
                assertThat(token.exitCode()).as(store + ": " + token.err()).isZero();
                assertThat(emulator.isBearerValid(token.line())).isTrue();
                assertThat(status.out()).contains(DemoAccount.USERNAME);
                assertThat(emulator.stats().requests(Endpoint.LOGIN) - loginsBefore).as("one login, " + store)
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void without_a_redis_store_nothing_of_lettuce_or_netty_is_loaded() throws Exception {
        Path fileStoreLog = dir.resolve("file-store.log");
        Path memoryLog = dir.resolve("memory.log");

        CliProcess.Result file = configured().jvmOption("-Xlog:class+load=info:file=" + fileStoreLog)
                .run(Map.of("LP_PASSWORD", DemoAccount.PASSWORD), "", "token", "--account", ACCOUNT, "--user",
                        DemoAccount.USERNAME);
        CliProcess.Result memory = configured().jvmOption("-Xlog:class+load=info:file=" + memoryLog)
                .run("--store", "memory", "status");

        assertThat(file.exitCode()).as(file.err()).isZero();
        assertThat(memory.exitCode()).as(memory.err()).isZero();
        for (Path log : List.of(fileStoreLog, memoryLog)) {
            String loaded = Files.readString(log);
            assertThat(loaded).as("the class log is real").contains("dev.lplogin.app.cli.Main");
            assertThat(loaded).doesNotContain("io.lettuce").doesNotContain("io.netty").doesNotContain("reactor.")
                    .doesNotContain("dev.lplogin.adapter.redis.RedisTokenStore");
        }
    }

    @Test
    void a_redis_that_is_down_is_one_line_and_exit_6_for_a_process_with_nothing_in_memory() {
        RedisServer down = RedisServer.start();
        String url = down.url();
        down.stop();

        CliProcess.Result token = cli.run(Map.of("LP_PASSWORD", DemoAccount.PASSWORD, "LP_STORE_KEY",
                EncryptionKey.generate().revealBase64()), "", "--store", url, "token", "--account", ACCOUNT, "--user",
                DemoAccount.USERNAME);

        assertThat(token.exitCode()).as(token.err()).isEqualTo(6);
        assertThat(token.err().strip().lines()).hasSize(1);
        assertThat(token.err()).startsWith("lp-login: ").contains("Redis at " + url + "/0 is unavailable");
        assertThat(token.out()).isEmpty();
        assertThat(emulator.stats().requests(Endpoint.LOGIN)).as("no blind login that would kill the fleet's session")
                .isZero();
    }

    @Test
    void a_password_belongs_in_lp_redis_password_or_the_environment_never_on_the_command_line() {
        String user = "cli-" + REDIS.prefix().replace(":", "");
        REDIS.server().command("ACL", "SETUSER", user, "on", ">hunter2", "~*", "&*", "+@all");
        String withUser = "redis://" + user + "@127.0.0.1:" + REDIS.server().port();
        String withPassword = "redis://" + user + ":hunter2@127.0.0.1:" + REDIS.server().port();

        CliProcess.Result onArgv = cli.run("--store", withPassword, "status");
        CliProcess.Result fromVariable = cli.run(Map.of("LP_REDIS_PASSWORD", "hunter2"), "", "--store", withUser,
                "status");
        CliProcess.Result inEnvUrl = configured().env("LP_STORE", withPassword).run("status");
        CliProcess.Result wrong = cli.run(Map.of("LP_REDIS_PASSWORD", "not-it"), "", "--store", withUser, "status");

        assertThat(onArgv.exitCode()).isEqualTo(2);
        assertThat(onArgv.err()).contains("LP_REDIS_PASSWORD").doesNotContain("hunter2");
        assertThat(onArgv.err().strip().lines()).hasSizeLessThanOrEqualTo(2);
        assertThat(fromVariable.exitCode()).as(fromVariable.err()).isZero();
        assertThat(inEnvUrl.exitCode()).as(inEnvUrl.err()).isZero();
        assertThat(wrong.exitCode()).as("a refused password needs a person: the store is unusable").isEqualTo(8);
        assertThat(wrong.err()).contains("WRONGPASS").doesNotContain("not-it").doesNotContain("hunter2");
    }

    @Test
    void at_verbose_the_whole_redis_path_prints_no_secret_and_third_party_loggers_stay_at_info() {
        String user = "verbose-" + REDIS.prefix().replace(":", "");
        REDIS.server().command("ACL", "SETUSER", user, "on", ">redis-secret-pw", "~*", "&*", "+@all");
        String store = REDIS.url().replace("redis://", "redis://" + user + "@");
        Map<String, String> env = Map.of("LP_PASSWORD", DemoAccount.PASSWORD, "LP_REDIS_PASSWORD", "redis-secret-pw");

        CliProcess.Result login = cli.run(env, "", "--verbose", "--store", store, "login", "--account", ACCOUNT,
                "--user", DemoAccount.USERNAME);
        List<String> secrets = new java.util.ArrayList<>(storedSecrets());
        CliProcess.Result verify = cli.run(env, "", "--verbose", "--store", store, "token", "--verify",
                "--account", ACCOUNT, "--user", DemoAccount.USERNAME);
        CliProcess.Result status = cli.run(env, "", "--verbose", "--store", store, "status");
        CliProcess.Result logout = cli.run(env, "", "--verbose", "--store", store, "logout", "--account", ACCOUNT,
                "--user", DemoAccount.USERNAME);

        assertThat(login.exitCode()).as(login.err()).isZero();
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(secrets).as("bearer, csrf and cookies read back from Redis").hasSizeGreaterThanOrEqualTo(3);
        secrets.addAll(List.of(DemoAccount.PASSWORD, "redis-secret-pw"));
        String shown = login.out() + login.err() + verify.err() + status.out() + status.err() + logout.out()
                + logout.err();
        assertThat(login.err() + verify.err()).as("--verbose does say more").contains("lp-login: fine: ");
        for (String secret : secrets) {
            assertThat(shown).as("no secret at --verbose").doesNotContain(secret);
        }
        assertThat(shown).as("Lettuce and Netty at INFO, not their debug logs").doesNotContain("io.lettuce")
                .doesNotContain("io.netty");
    }

    @Test
    void while_redis_is_down_a_long_running_agent_says_so_once_then_stays_quiet() throws Exception {
        RedisServer redis = RedisServer.start();
        Process agent = cli.start(Map.of("LP_PASSWORD", DemoAccount.PASSWORD), "--store", redis.url(), "agent",
                "--account", ACCOUNT, "--user", DemoAccount.USERNAME);
        try {
            java.io.BufferedReader err = new java.io.BufferedReader(new java.io.InputStreamReader(
                    agent.getErrorStream(), java.nio.charset.StandardCharsets.UTF_8));
            java.util.concurrent.CopyOnWriteArrayList<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
            CliProcess.async(() -> err.lines().peek(lines::add).count());
            long waited = 0;
            while (lines.stream().noneMatch(l -> l.contains("alive")) && waited < 60_000) {
                Thread.sleep(100);
                waited += 100;
            }
            assertThat(lines).as("the agent started").anyMatch(l -> l.contains("alive"));

            redis.stop();
            Thread.sleep(15_000); // Lettuce tries to reconnect every few seconds

            assertThat(lines.stream().filter(l -> l.contains("Cannot reconnect")).count())
                    .as("reconnect warnings in 15 s of outage: " + lines).isLessThanOrEqualTo(1);
        } finally {
            agent.toHandle().destroy();
            agent.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            agent.destroyForcibly();
            redis.close();
        }
    }

    /** The bearer, csrf and cookie values of every session record in the shared Redis (plaintext: no key set). */
    private static List<String> storedSecrets() {
        List<String> secrets = new java.util.ArrayList<>();
        java.util.regex.Pattern value = java.util.regex.Pattern.compile(
                "\"(?:bearer|csrf|value)\":\"([^\"]{8,})\"");
        // the reply is the next cursor, then the keys (one SCAN of up to 10,000 keys covers a test server)
        for (String key : REDIS.server().command("SCAN", "0", "MATCH", "*:session", "COUNT", "10000").split("\n")) {
            if (key.endsWith(":session")) {
                java.util.regex.Matcher m = value.matcher(REDIS.server().command("HGETALL", key));
                while (m.find()) {
                    secrets.add(m.group(1));
                }
            }
        }
        return secrets;
    }

    @Test
    void other_urls_and_malformed_redis_urls_are_bad_input_not_directories() {
        CliProcess.Result memcached = cli.run("--store", "memcached://cache:11211", "status");
        CliProcess.Result typo = cli.run("--store", "redis://127.0.0.1:notaport", "status");

        assertThat(memcached.exitCode()).isEqualTo(2);
        assertThat(memcached.err()).contains("memcached://").contains("redis://");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("not a valid Redis URL");
        assertThat(dir.resolve("memcached:")).doesNotExist();
        assertThat(Path.of("redis:")).doesNotExist();
    }
}
