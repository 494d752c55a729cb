package dev.lplogin.archfixture.adapter.storage;

import dev.lplogin.archfixture.domain.port.FixturePort;
import jakarta.json.bind.Jsonb;

/** Obeys every rule: the storage adapter may use JSON-B. */
public final class FileStore implements FixturePort {

    private final Jsonb jsonb;

    public FileStore(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    @Override
    public String fetch(String key) {
        return jsonb.toJson(key);
    }
}
