/**
 * The composition root (Dagger) and the driving adapter: the lp-login command line. The wiring package is exported so
 * that products using Dagger can reuse {@code LoginComponent}; the CLI is not an API.
 */
module dev.lplogin.app {
    requires transitive dev.lplogin.domain;
    requires dev.lplogin.adapter.http;
    requires transitive dev.lplogin.calls; // lp-login api; LoginComponent.livePersonCalls
    requires dev.lplogin.adapter.storage;
    requires dev.lplogin.adapter.redis; // loaded only when a redis:// store is configured (RedisStoreWiring)
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
