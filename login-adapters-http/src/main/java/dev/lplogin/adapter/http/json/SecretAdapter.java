package dev.lplogin.adapter.http.json;

import dev.lplogin.domain.model.Secret;
import jakarta.json.bind.adapter.JsonbAdapter;

/** Binds a JSON string to a {@link Secret} and back; an empty string is refused (a secret is never empty). */
public final class SecretAdapter implements JsonbAdapter<Secret, String> {

    @Override
    public String adaptToJson(Secret secret) {
        return secret.reveal();
    }

    @Override
    public Secret adaptFromJson(String value) {
        return Secret.of(value);
    }
}
