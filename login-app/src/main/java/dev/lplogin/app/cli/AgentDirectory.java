package dev.lplogin.app.cli;

import dev.lplogin.domain.model.SessionKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

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

    /** The sink an agent keeps for {@code key}, if one runs and its sink holds a bearer. */
    static Optional<Path> runningSink(Map<String, String> env, SessionKey key) {
        try {
            Path pointer = pointer(env, key);
            if (!Files.isRegularFile(pointer)) {
                return Optional.empty();
            }
            Path sink = Path.of(Files.readString(pointer, StandardCharsets.UTF_8).strip());
            return Files.isRegularFile(sink) && Files.size(sink) > 0 ? Optional.of(sink) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no usable pointer is the same as no agent
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
