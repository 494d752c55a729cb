package dev.lplogin.archfixture.adapter.storage;

import dev.lplogin.archfixture.adapter.http.HttpGateway;
import dev.lplogin.archfixture.adapter.http.PublicTokenJson;

/** Breaks the onion (an adapter using another adapter) and the wire-record rule (a foreign package's Json). */
public final class StoreReadingHttpWire {

    public String read(HttpGateway gateway, PublicTokenJson token) {
        return gateway.fetch(token.bearer());
    }
}
