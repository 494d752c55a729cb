package dev.lplogin.domain.usecase;

import dev.lplogin.domain.port.SessionEvent;
import dev.lplogin.domain.port.SessionListener;
import java.lang.System.Logger.Level;

/** Announces events to the embedder's listener, so that a failing listener never breaks the lifecycle. */
final class Events {

    private static final System.Logger LOG = System.getLogger(Events.class.getName());

    private final SessionListener listener;

    Events(SessionListener listener) {
        this.listener = listener;
    }

    void emit(SessionEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a session listener failed on " + event.getClass().getSimpleName()
                    + " for " + event.key() + "; the lifecycle goes on", e);
        }
    }
}
