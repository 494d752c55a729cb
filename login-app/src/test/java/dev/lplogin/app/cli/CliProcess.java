package dev.lplogin.app.cli;

import dev.lplogin.emulator.LoginEmulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Starts the real {@code lp-login} as a separate JVM on the module path that {@code package} built
 * ({@code target/modules}) with the JVM options of {@code bin/lp-login}, and with a clean environment: a temporary
 * HOME, config home and store, plus what each test adds. Nothing from the developer's own environment leaks in.
 */
final class CliProcess {

    private static final Path MODULES = Path.of(System.getProperty("lp.modules", "target/modules"));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    // Readers block on pipes: they get threads of their own, never the (tiny, on 2 cores) common pool.
    private static final ExecutorService READERS = Executors.newVirtualThreadPerTaskExecutor();

    private final Map<String, String> env = new HashMap<>();
    private final List<String> jvmOptions = new ArrayList<>();


    /** The finished run of one command. */
    record Result(int exitCode, String out, String err) {
        /** stdout without its trailing line end. */
        String line() {
            return out.strip();
        }
    }

    /** A CLI whose HOME, XDG config and state homes and store live under {@code dir}. */
    CliProcess(Path dir) {
        if (!Files.isDirectory(MODULES)) {
            throw new IllegalStateException(MODULES + " is missing: run the ITs with 'mvn verify' (after package)");
        }
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", dir.resolve("home").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        env.put("XDG_STATE_HOME", dir.resolve("state").toString());
        env.put("LP_STORE", store(dir).toString());
    }

    /**
     * A CLI (as {@link #CliProcess(Path)}) that uses {@code emulator} as its Domain API and, when it serves HTTPS,
     * trusts its certificate, written to {@code dir/emulator.pem}.
     */
    static CliProcess against(LoginEmulator emulator, Path dir) {
        CliProcess cli = new CliProcess(dir).env("LP_CSDS", emulator.baseUrl().toString());
        if (emulator.baseUrl().getScheme().equals("https")) {
            Path pem = dir.resolve("emulator.pem");
            emulator.writeCertificatePem(pem);
            cli.env("LP_CA_CERT", pem.toString());
        }
        return cli;
    }

    /** Where a CLI made with {@code dir} keeps its sessions. */
    static Path store(Path dir) {
        return dir.resolve("store");
    }

    /** Adds or replaces an environment variable for every later run. */
    CliProcess env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Adds a JVM option (e.g. {@code -Xlog:class+load…}) for every later run. */
    CliProcess jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    /** Runs a command to its end (at most 60 s) with empty stdin. */
    Result run(String... args) {
        return run(Map.of(), "", args);
    }

    /**
     * Runs a command to its end with extra environment variables and {@code stdin}. Without {@code --verbose}, no
     * output may name a Java class: users read messages, and the classes are what {@code --verbose} is for.
     */
    Result run(Map<String, String> extraEnv, String stdin, String... args) {
        Process process = start(extraEnv, args);
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the process may exit without reading stdin; its output tells what happened
        }
        Result result = finish(process);
        if (!List.of(args).contains("--verbose")) {
            CliRun.assertNoClassNames(result.err());
            CliRun.assertNoClassNames(result.out());
        }
        return result;
    }

    /** Starts a command and returns at once (for {@code keepalive}, {@code emulator} and concurrency tests). */
    Process start(Map<String, String> extraEnv, String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-p", MODULES.toString(), "-m", "dev.lplogin.app/dev.lplogin.app.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().putAll(extraEnv);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for {@code process} (at most 60 s) and collects its output. */
    static Result finish(Process process) {
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process, true), READERS);
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process, false), READERS);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("lp-login did not finish within 60 s; stderr so far: " + err.getNow(""));
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The first stdout line of a long-running command (its URL, for the agent and the emulator), within 60 s. */
    static String firstLine(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        return async(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(60, TimeUnit.SECONDS);
    }

    /** Runs {@code reader} on a thread of its own (for the first lines of a long-running command). */
    static <T> CompletableFuture<T> async(java.util.function.Supplier<T> reader) {
        return CompletableFuture.supplyAsync(reader, READERS);
    }

    private static String read(Process process, boolean stdout) {
        try {
            return new String((stdout ? process.getInputStream() : process.getErrorStream()).readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
