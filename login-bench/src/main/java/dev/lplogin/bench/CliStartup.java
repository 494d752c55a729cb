package dev.lplogin.bench;

import dev.lplogin.emulator.DemoAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a shell user feels: {@code bin/lp-login token} with a fresh stored session, and {@code bin/lp-login --help},
 * each against a hello-world JVM with the same JDK and the launcher's JVM flags, in paired runs (alternating which
 * goes first, so that drift in the machine's load hits both alike). Also counts the classes each command loads, and
 * how many of them belong to JSON-B, TLS or the HTTP client, which a command that needs no network should not load.
 */
final class CliStartup {

    /** The launcher's JVM flags (bin/lp-login), which the floor runs with too. */
    static final List<String> LAUNCHER_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static final List<String> NETWORK_PACKAGES = List.of("org.eclipse.yasson.", "jakarta.json.",
            "org.eclipse.parsson.", "sun.security.ssl.", "jdk.internal.net.http.", "java.net.http.");

    private CliStartup() {
    }

    static void run(Bench.Mode mode, Table table) throws Exception {
        Path root = Path.of(System.getProperty("lp.root", ".")).toAbsolutePath().normalize();
        Path launcher = root.resolve("bin/lp-login");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("no launcher at " + launcher + "; run from the repository (bin/bench)");
        }
        int pairs = switch (mode) {
            case FULL -> 20;
            case QUICK -> 7;
            case SMOKE -> 1;
        };
        Path home = Files.createTempDirectory("lp-login-bench-cli-");
        try (Fixture fixture = Fixture.start()) {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("LP_CSDS", fixture.emulator.baseUrl().toString());
            env.put("LP_CA_CERT", fixture.certificate.toString());
            env.put("LP_STORE", home.resolve("store").toString());
            env.put("LP_ACCOUNT", DemoAccount.ACCOUNT_ID);
            env.put("LP_USERNAME", DemoAccount.USERNAME);
            env.put("XDG_CONFIG_HOME", home.resolve("config").toString());   // no personal config file
            env.remove("LP_PASSWORD");
            env.remove("LP_CLIENT_ID");
            env.remove("LP_APP_KEY");
            env.remove("LP_STORE_KEY");
            env.remove("LP_STORE_KEY_FILE");

            Map<String, String> withPassword = new HashMap<>(env);
            withPassword.put("LP_PASSWORD", DemoAccount.PASSWORD);
            Result login = exec(List.of(launcher.toString(), "login"), withPassword);
            if (login.exit() != 0) {
                throw new IllegalStateException("bin/lp-login login failed: " + login.err());
            }
            Path jdk = Path.of(exec(List.of(root.resolve("bin/find-jdk").toString()), env).out().strip());
            List<String> hello = new ArrayList<>();
            hello.add(jdk.resolve("bin/java").toString());
            hello.addAll(LAUNCHER_FLAGS);
            hello.add("-cp");
            hello.add(codeSource());
            hello.add(Hello.class.getName());

            List<String> token = List.of(launcher.toString(), "token");
            Result first = exec(token, env);   // also starts recording the launcher's class-data cache if it has none
            if (first.exit() != 0 || first.out().isBlank()) {
                throw new IllegalStateException("bin/lp-login token failed: " + first.err());
            }
            String cache = awaitClassDataCache(root.resolve("login-app/target"), mode);
            table.add("cli", "class-data cache of the launcher", cache, "", "bin/lp-login, recorded once per build");
            paired(table, "token, fresh stored session", token, hello, env, pairs);
            paired(table, "--help", List.of(launcher.toString(), "--help"), hello, env, pairs);
            if (mode != Bench.Mode.SMOKE) {
                Map<String, String> noCache = new HashMap<>(env);
                noCache.put("LP_CLASS_CACHE", "off");
                paired(table, "token, fresh stored session, LP_CLASS_CACHE=off", token, hello, noCache, pairs);
            }

            distribution(table, root, token, env, pairs);

            Path modules = root.resolve("login-app/target/modules");
            classes(table, "token", jdk, modules, env, "token");
            classes(table, "--help", jdk, modules, env, "--help");
        } finally {
            deleteTree(home);
        }
    }

    /**
     * The released distribution (bin/release's tarball, if one was built): its {@code token}, unpacked in a scratch
     * folder, beside a hello-world JVM of its own runtime with the same flags. Its class-data cache was recorded at
     * release time, so its first run is measured like every other.
     */
    private static void distribution(Table table, Path root, List<String> clone, Map<String, String> env, int pairs)
            throws IOException, InterruptedException {
        Path tarball;
        try (var files = Files.list(root.resolve("target/release"))) {
            tarball = files.filter(f -> f.getFileName().toString().matches("lp-login-.*-linux-x64\\.tar\\.gz"))
                    .findFirst().orElse(null);
        } catch (java.nio.file.NoSuchFileException e) {
            tarball = null;
        }
        if (tarball == null) {
            table.add("cli", "distribution (tarball)", "none", "", "run bin/release to measure it");
            return;
        }
        Path unpacked = Files.createTempDirectory("lp-login-bench-dist-");
        try {
            Result untar = exec(List.of("tar", "-xzf", tarball.toString(), "-C", unpacked.toString()), env);
            if (untar.exit() != 0) {
                throw new IllegalStateException("cannot unpack " + tarball + ": " + untar.err());
            }
            Path home;
            try (var dirs = Files.list(unpacked)) {
                home = dirs.findFirst().orElseThrow();
            }
            List<String> token = List.of(home.resolve("bin/lp-login").toString(), clone.getLast());
            Result first = exec(token, env);
            if (first.exit() != 0 || first.out().isBlank()) {
                throw new IllegalStateException("the distribution's lp-login token failed: " + first.err());
            }
            List<String> hello = new ArrayList<>();
            hello.add(home.resolve("runtime/bin/java").toString());
            hello.addAll(LAUNCHER_FLAGS);
            hello.add("-cp");
            hello.add(codeSource());
            hello.add(Hello.class.getName());
            table.add("cli", "distribution", tarball.getFileName().toString(), "", "unpacked, first run included");
            paired(table, "token from the tarball, fresh stored session", token, hello, env, pairs,
                    "floor: hello world on the tarball's runtime; goal ≤ 4");
        } finally {
            deleteTree(unpacked);
        }
    }

    /**
     * Waits until the launcher's background recording of its class-data cache for this build is done (so that it
     * neither competes with the measured runs nor is missing from them); says which kind is in use.
     */
    private static String awaitClassDataCache(Path target, Bench.Mode mode) throws InterruptedException {
        Path jar = target.resolve("modules/login-app.jar");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(
                mode == Bench.Mode.SMOKE ? 0 : 120);
        do {
            for (String[] kind : new String[][] {{"lp-login.aot", "AOT cache"}, {"lp-login.jsa", "CDS archive"}}) {
                Path cache = target.resolve(kind[0]);
                try {
                    if (Files.isRegularFile(cache) && Files.getLastModifiedTime(cache).compareTo(
                            Files.getLastModifiedTime(jar)) > 0) {
                        return kind[1] + " (" + Files.size(cache) / (1024 * 1024) + " MiB)";
                    }
                } catch (IOException e) {
                    // being replaced right now: look again
                }
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        return "none";
    }

    private static void paired(Table table, String what, List<String> command, List<String> floor,
            Map<String, String> env, int pairs) {
        paired(table, what, command, floor, env, pairs, "median of paired ratios; goal ≤ 6");
    }

    private static void paired(Table table, String what, List<String> command, List<String> floor,
            Map<String, String> env, int pairs, String goal) {
        long[] app = new long[pairs];
        long[] hello = new long[pairs];
        long[] ratio = new long[pairs];
        for (int i = 0; i < pairs; i++) {
            if (i % 2 == 0) {
                app[i] = timed(command, env);
                hello[i] = timed(floor, env);
            } else {
                hello[i] = timed(floor, env);
                app[i] = timed(command, env);
            }
            ratio[i] = Math.round(1000.0 * app[i] / hello[i]);
        }
        table.add("cli", "lp-login " + what + " (median)", Stats.millis(Stats.median(app)), "ms",
                pairs + " paired runs");
        table.add("cli", "hello-world JVM, same JDK + flags (median)", Stats.millis(Stats.median(hello)), "ms",
                "the floor");
        table.add("cli", "lp-login " + what + " / floor", Stats.median(ratio) / 1000.0, "ratio",
                goal);
    }

    private static void classes(Table table, String what, Path jdk, Path modules, Map<String, String> env,
            String... args) throws IOException {
        Path log = Files.createTempFile("lp-login-bench-classes-", ".log");
        try {
            List<String> command = new ArrayList<>();
            command.add(jdk.resolve("bin/java").toString());
            command.addAll(LAUNCHER_FLAGS);
            command.add("-Xlog:class+load=info:file=" + log);
            command.add("-p");
            command.add(modules.toString());
            command.add("-m");
            command.add("dev.lplogin.app/dev.lplogin.app.cli.Main");
            command.addAll(List.of(args));
            Result result = exec(command, env);
            if (result.exit() != 0) {
                throw new IllegalStateException("lp-login " + what + " failed: " + result.err());
            }
            long loaded = 0;
            long network = 0;
            long picocli = 0;
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                int at = line.indexOf("[class,load]");
                if (at < 0) {
                    continue;
                }
                loaded++;
                String name = line.substring(at + "[class,load]".length()).strip();
                if (NETWORK_PACKAGES.stream().anyMatch(name::startsWith)) {
                    network++;
                } else if (name.startsWith("picocli.")) {
                    picocli++;
                }
            }
            table.add("cli", "classes loaded by lp-login " + what, loaded, "classes", "-Xlog:class+load");
            table.add("cli", "  of them JSON-B/JSON-P, TLS, HttpClient (" + what + ")", network, "classes",
                    "a command without network needs none");
            table.add("cli", "  of them picocli (" + what + ")", picocli, "classes",
                    what.equals("token") ? "a plain token command is parsed without it" : "");
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static long timed(List<String> command, Map<String, String> env) {
        long start = System.nanoTime();
        Result result = exec(command, env);
        long elapsed = System.nanoTime() - start;
        if (result.exit() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + result.err());
        }
        return elapsed;
    }

    record Result(int exit, String out, String err) {
    }

    static Result exec(List<String> command, Map<String, String> env) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().clear();
            builder.environment().putAll(env);
            Path out = Files.createTempFile("lp-login-bench-out-", ".txt");
            Path err = Files.createTempFile("lp-login-bench-err-", ".txt");
            try {
                Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in 5 minutes");
                }
                return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Where {@link Hello} was loaded from: the bench jar, or target/classes in a Maven test. */
    private static String codeSource() {
        try {
            return Path.of(Hello.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
