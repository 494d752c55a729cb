/** Driven adapters over HTTP: the Domain API lookup and the Login Service gateway (spec §2, §3). */
module dev.lplogin.adapter.http {
    requires transitive dev.lplogin.domain;
    requires java.net.http;
    requires jakarta.json.bind;
    requires dev.failsafe.core;
    requires java.logging;

    // exports dev.lplogin.adapter.http; -- exported once its first type lands (an empty package cannot be exported)
}
