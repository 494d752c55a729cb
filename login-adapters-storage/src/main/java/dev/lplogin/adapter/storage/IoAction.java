package dev.lplogin.adapter.storage;

import java.io.IOException;

/** A step of file work that may fail with an {@link IOException}. */
@FunctionalInterface
interface IoAction<T> {
    T run() throws IOException;
}
