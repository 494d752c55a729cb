package dev.lplogin.app.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's config file ({@code lp-login agent --config FILE}): several sessions with a sink each, plus the
 * listener settings. A Java properties file (docs/agent.md):
 *
 * <pre>
 * listen=127.0.0.1:7373
 * key-file=/run/user/1000/lp-login/agent.key
 * logout-on-exit=false
 * session.bot.account=12345678
 * session.bot.user=reporting-bot
 * session.bot.sink=/run/user/1000/lp-login/bot.token
 * session.bot.json-sink=/run/user/1000/lp-login/bot.json
 * session.bot.credentials-prefix=BOT_
 * </pre>
 *
 * {@code credentials-prefix} makes that session read its credentials from {@code BOT_LP_PASSWORD},
 * {@code BOT_LP_CLIENT_ID}, ... instead of {@code LP_PASSWORD}, ...: secrets stay in the environment, never in the file.
 */
record AgentConfigFile(Optional<String> listen, Optional<Path> keyFile, Optional<Boolean> logoutOnExit,
        List<Session> sessions) {

    private static final Pattern SESSION_KEY = Pattern.compile("session\\.([A-Za-z0-9_-]{1,64})\\."
            + "(account|user|sink|json-sink|credentials-prefix)");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    /** One {@code session.NAME.*} block; absent values fall back to the flags' defaults (LP_ACCOUNT, ...). */
    record Session(String name, Optional<String> account, Optional<String> user, Optional<Path> sink,
            Optional<Path> jsonSink, Optional<String> credentialsPrefix) {
    }

    /**
     * Reads and checks {@code file}.
     *
     * @throws CliException (usage) naming the file and the bad line
     */
    static AgentConfigFile read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw CliException.usage("cannot read the agent config file " + file + " (" + e.getMessage() + ")",
                    "check the path; the format is described in docs/agent.md");
        }
        Map<String, Map<String, String>> blocks = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            String value = properties.getProperty(name).strip();
            Matcher m = SESSION_KEY.matcher(name);
            if (m.matches()) {
                blocks.computeIfAbsent(m.group(1), ignored -> new TreeMap<>()).put(m.group(2), value);
            } else if (!List.of("listen", "key-file", "logout-on-exit").contains(name)) {
                throw CliException.usage("unknown key '" + name + "' in the agent config file " + file,
                        "known keys: listen, key-file, logout-on-exit, session.NAME.account, session.NAME.user, "
                                + "session.NAME.sink, session.NAME.json-sink, session.NAME.credentials-prefix");
            }
        }
        List<Session> sessions = new ArrayList<>();
        blocks.forEach((name, fields) -> {
            Optional<String> prefix = Optional.ofNullable(fields.get("credentials-prefix"));
            if (prefix.isPresent() && !PREFIX.matcher(prefix.get()).matches()) {
                throw CliException.usage("session." + name + ".credentials-prefix in " + file
                        + " must be an environment variable prefix such as BOT_", "use letters, digits and _");
            }
            sessions.add(new Session(name, Optional.ofNullable(fields.get("account")),
                    Optional.ofNullable(fields.get("user")), Optional.ofNullable(fields.get("sink")).map(Path::of),
                    Optional.ofNullable(fields.get("json-sink")).map(Path::of), prefix));
        });
        Optional<Boolean> logout = Optional.ofNullable(properties.getProperty("logout-on-exit")).map(String::strip)
                .map(v -> switch (v) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw CliException.usage("logout-on-exit in " + file + " must be true or false, got '"
                            + v + "'", "write logout-on-exit=true or logout-on-exit=false");
                });
        return new AgentConfigFile(Optional.ofNullable(properties.getProperty("listen")).map(String::strip),
                Optional.ofNullable(properties.getProperty("key-file")).map(String::strip).map(Path::of), logout,
                List.copyOf(sessions));
    }
}
