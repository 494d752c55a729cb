/** Driven adapters over HTTP: the Domain API lookup and the Login Service gateway (spec §2, §3). */
module dev.lplogin.adapter.http {
    requires transitive dev.lplogin.domain;
    requires transitive java.net.http;   // HttpTransport.send takes and answers java.net.http types
    requires jakarta.json;
    requires jakarta.json.bind;
    requires dev.failsafe.core;
    requires java.logging;

    exports dev.lplogin.adapter.http;
    // The wire records: opened to JSON-B, exported to no one. Unqualified, because Yasson binds records through a
    // public lookup ("opens … to org.eclipse.yasson" fails at run time, see build notes).
    opens dev.lplogin.adapter.http.json;
}
