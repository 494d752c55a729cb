package dev.lplogin.archfixture.adapter.storage.codec;

import dev.lplogin.archfixture.adapter.storage.CycleStore;

/** The other half of the package cycle with {@link CycleStore}. */
public final class CycleCodec {

    public String encode(String value) {
        return CycleStore.header() + value;
    }
}
