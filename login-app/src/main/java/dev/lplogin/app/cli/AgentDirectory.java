package dev.lplogin.app.cli;

import dev.lplogin.domain.model.SessionKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The agent's corner of the state directory ({@code $XDG_STATE_HOME/lp-login/agent}, else
 * {@code ~/.local/state/lp-login/agent}): the default key file, and one small file per running sink that names it, so
 * that {@code lp-login exec} can hand the sink's path to the command it runs ({@code LP_BEARER_FILE}).
 */
final class AgentDirectory {

    private AgentDirectory() {
    }

    /** The directory, for the environment {@code env}. */
    static Path of(Map<String, String> env) {
        String state = env.get("XDG_STATE_HOME");
        // the XDG rule: a relative value is invalid and ignored
        Path base = state != null && !state.isBlank() && Path.of(state).isAbsolute() ? Path.of(state)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".local", "state");
        return base.resolve("lp-login").resolve("agent");
    }

    /** Where the key goes without {@code --key-file}. */
    static Path defaultKeyFile(Map<String, String> env) {
        return of(env).resolve("agent.key");
    }

    /** The file that names the sink of {@code key} while an agent runs. */
    static Path pointer(Map<String, String> env, SessionKey key) {
        return of(env).resolve("sinks").resolve(key.account().value() + "-" + digest(key.loginName()));
    }

    /** What a sink pointer holds: the files of one session of a running agent (docs/agent.md). */
    static String pointerContent(Optional<Path> sink, Optional<Path> jsonSink) {
        return sink.map(p -> "sink=" + p + "\n").orElse("") + jsonSink.map(p -> "json-sink=" + p + "\n").orElse("");
    }

    /** The sink an agent keeps for {@code key}, if one runs (it owns the pointer) and its sink holds a bearer. */
    static Optional<Path> runningSink(Map<String, String> env, SessionKey key) {
        try {
            Path pointer = pointer(env, key);
            if (!Files.isRegularFile(pointer) || !SinkFile.ownedByAnother(pointer)) {
                return Optional.empty(); // no agent, or a crashed one's pointer: its sink may hold a dead bearer
            }
            Optional<Path> sink = pointed(pointer).get("sink").stream().findFirst();
            return sink.filter(p -> Files.isRegularFile(p) && size(p) > 0);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no usable pointer is the same as no agent
        }
    }

    /**
     * Removes what crashed agents left: every sink pointer no running agent owns, with the sinks it names that no
     * running agent owns either. Returns the files removed (for the agent's start-up line).
     */
    static List<Path> removeLeftovers(Map<String, String> env) {
        Path pointers = of(env).resolve("sinks");
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(pointers)) {
            return removed;
        }
        try (Stream<Path> listing = Files.list(pointers)) {
            for (Path pointer : listing.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                if (SinkFile.ownedByAnother(pointer)) {
                    continue;
                }
                for (List<Path> files : pointed(pointer).values()) {
                    for (Path file : files) {
                        if (!SinkFile.ownedByAnother(file) && Files.deleteIfExists(file)) {
                            removed.add(file);
                        }
                    }
                }
                Files.deleteIfExists(pointer);
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover that cannot be removed is found again at the next start
        }
        return removed;
    }

    /** The files a pointer names, by kind ({@code sink}, {@code json-sink}); a bare line is a sink (older agents). */
    private static Map<String, List<Path>> pointed(Path pointer) throws IOException {
        Map<String, List<Path>> files = new TreeMap<>();
        for (String line : Files.readAllLines(pointer, StandardCharsets.UTF_8)) {
            String entry = line.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String kind = eq > 0 && !entry.startsWith("/") ? entry.substring(0, eq) : "sink";
            Path file = Path.of(eq > 0 && !entry.startsWith("/") ? entry.substring(eq + 1) : entry);
            if (file.isAbsolute()) {
                files.computeIfAbsent(kind, k -> new ArrayList<>()).add(file);
            }
        }
        return files;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String digest(String loginName) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(loginName.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
