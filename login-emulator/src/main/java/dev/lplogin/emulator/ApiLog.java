package dev.lplogin.emulator;

import com.sun.net.httpserver.Headers;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The last {@value #CAPACITY} requests to the protected APIs, oldest first, for {@code /_emulator/api-requests}. */
final class ApiLog {

    /** Enough for a test's burst of a few hundred calls; older entries are dropped. */
    static final int CAPACITY = 1000;

    private final ArrayDeque<RecordedApiRequest> entries = new ArrayDeque<>();

    void add(Endpoint endpoint, String method, String path, String rawQuery, int status, Headers headers) {
        // Header names only: values carry the bearer, cookies and whatever else a client sends.
        var names = headers.keySet().stream().map(name -> name.toLowerCase(Locale.ROOT)).distinct().sorted()
                .toList();
        var entry = new RecordedApiRequest(endpoint, method, path, Optional.ofNullable(rawQuery), status, names);
        synchronized (this) {
            if (entries.size() == CAPACITY) {
                entries.pollFirst();
            }
            entries.addLast(entry);
        }
    }

    synchronized List<RecordedApiRequest> snapshot() {
        return List.copyOf(entries);
    }

    synchronized void clear() {
        entries.clear();
    }
}
