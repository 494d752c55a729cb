package dev.lplogin.app.cli;

import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.SessionKey;
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

    @Override
    public String toString() {
        return key + sink.map(s -> " -> " + s.path()).orElse("");
    }
}
