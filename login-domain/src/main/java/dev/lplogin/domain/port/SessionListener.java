package dev.lplogin.domain.port;

/**
 * Receives every state change of every session the core manages (logging, metrics, alerts).
 *
 * <p>Called synchronously on the core's threads, so implementations must be quick and thread-safe. An exception
 * thrown by a listener is swallowed by the core and never breaks the lifecycle. Events carry no secrets.
 */
@FunctionalInterface
public interface SessionListener {

    /** A listener that ignores everything. */
    SessionListener NONE = event -> {
    };

    void onEvent(SessionEvent event);
}
