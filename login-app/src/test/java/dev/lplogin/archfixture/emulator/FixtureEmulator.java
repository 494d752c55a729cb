package dev.lplogin.archfixture.emulator;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.bind.Jsonb;

/** Obeys every rule: the emulator uses the JDK server and JSON-B, and nothing of the product. */
public final class FixtureEmulator {

    private final HttpServer server;
    private final Jsonb jsonb;

    public FixtureEmulator(HttpServer server, Jsonb jsonb) {
        this.server = server;
        this.jsonb = jsonb;
    }

    public String describe() {
        return server.getAddress() + jsonb.toJson("up");
    }
}
