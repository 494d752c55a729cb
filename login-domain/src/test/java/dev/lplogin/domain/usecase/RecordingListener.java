package dev.lplogin.domain.usecase;

import dev.lplogin.domain.port.SessionEvent;
import dev.lplogin.domain.port.SessionListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event, for assertions. */
final class RecordingListener implements SessionListener {

    final List<SessionEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(SessionEvent event) {
        events.add(event);
    }

    <T extends SessionEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
