package dev.lplogin.app.cli;

import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.SessionKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One session the agent keeps alive, with where it publishes the bearer.
 *
 * @param key         account and user
 * @param sink        the file that holds the bearer alone on one line, if any
 * @param jsonSink    the file that holds the bearer with the session's description as JSON, if any
 * @param credentials what to log in with when no live session is stored (from the environment only)
 */
record AgentTarget(SessionKey key, Optional<SinkFile> sink, Optional<SinkFile> jsonSink,
        Optional<Credentials> credentials) {

    AgentTarget {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(jsonSink, "json sink");
        Objects.requireNonNull(credentials, "credentials");
    }

    /** The keys of {@code targets} that {@code account} and {@code user} (null = any) fit. */
    static List<SessionKey> matching(List<AgentTarget> targets, String account, String user) {
        return targets.stream().map(AgentTarget::key)
                .filter(k -> account == null || k.account().value().equals(account))
                .filter(k -> user == null || k.loginName().equals(user))
                .toList();
    }

    /** Why no kept session fits {@code account} and {@code user} (null = any). */
    static String noSuchSession(String account, String user) {
        return "this agent keeps no session for " + (account == null ? "any account" : account)
                + (user == null ? "" : "/" + user) + "; see GET /v1/status";
    }

    @Override
    public String toString() {
        return key + sink.map(s -> " -> " + s.path()).orElse("");
    }
}
