/**
 * The composition root (Dagger) and the driving adapter: the lp-login command line. The wiring package is exported so
 * that products using Dagger can reuse {@code LoginComponent}; the CLI is not an API.
 */
module dev.lplogin.app {
    // transitive: every module whose types the exported wiring package shows, so that `requires dev.lplogin.app;`
    // alone compiles an embedder's code (release-check/consumer proves it)
    requires transitive dev.lplogin.domain;
    requires transitive dev.lplogin.adapter.http; // AdapterSettings.http(): HttpSettings
    requires transitive dev.lplogin.adapter.storage; // AdapterSettings.Store.Directory: EncryptionKey
    // AdapterSettings.Store.Redis: RedisStoreSettings; Lettuce itself is loaded only when a redis:// store is configured
    requires transitive dev.lplogin.adapter.redis;
    requires transitive dev.lplogin.calls; // lp-login api; LoginComponent.livePersonCalls
    requires transitive dev.lplogin.adapter.metrics; // LoginComponent.create takes a MeterRegistry
    requires micrometer.registry.prometheus; // the agent's /metrics
    requires dev.lplogin.emulator;
    requires dagger;
    requires jakarta.inject;
    requires info.picocli;
    requires java.logging;
    requires jdk.httpserver; // the agent's loopback listener

    exports dev.lplogin.app.wiring;

    opens dev.lplogin.app.cli to info.picocli;
}
