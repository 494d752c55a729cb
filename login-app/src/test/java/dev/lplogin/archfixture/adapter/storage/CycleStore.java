package dev.lplogin.archfixture.adapter.storage;

import dev.lplogin.archfixture.adapter.storage.codec.CycleCodec;

/** Breaks the no-cycles rule together with {@link CycleCodec}: storage uses codec, codec uses storage. */
public final class CycleStore {

    public String store(String value) {
        return new CycleCodec().encode(value);
    }

    public static String header() {
        return "v1";
    }
}
