package dev.lplogin.archfixture.app.wiring;

import dagger.Module;
import dagger.Provides;
import dev.lplogin.archfixture.adapter.http.HttpGateway;
import dev.lplogin.archfixture.adapter.storage.FileStore;
import dev.lplogin.archfixture.domain.port.FixturePort;
import dev.lplogin.archfixture.domain.usecase.FixtureUseCase;
import jakarta.inject.Singleton;

/** Obeys every rule: the composition root knows Dagger and every adapter. */
@Module
public final class FixtureModule {

    private final HttpGateway http;
    private final FileStore store;

    public FixtureModule(HttpGateway http, FileStore store) {
        this.http = http;
        this.store = store;
    }

    @Provides
    @Singleton
    public FixturePort port() {
        return http != null ? http : store;
    }

    @Provides
    public FixtureUseCase useCase(FixturePort port) {
        return port::fetch;
    }
}
