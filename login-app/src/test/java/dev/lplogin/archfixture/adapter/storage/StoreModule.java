package dev.lplogin.archfixture.adapter.storage;

import dagger.Module;

/** Breaks "only app knows Dagger": an adapter carrying its own Dagger module. */
@Module
public final class StoreModule {
    private StoreModule() {
    }
}
