package dev.lplogin.archfixture.app.cli;

import jakarta.json.bind.JsonbBuilder;

/** Breaks "JSON-B only in the adapters and the emulator": the CLI binding JSON itself. */
public final class JsonbOutput {

    public String render(Object value) {
        return JsonbBuilder.create().toJson(value);
    }
}
