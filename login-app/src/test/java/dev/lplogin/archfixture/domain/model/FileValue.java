package dev.lplogin.archfixture.domain.model;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Breaks the domain's JDK allow-list: java.nio.charset is allowed, java.nio.file (I/O) is not. */
public record FileValue(Path path) {
    public byte[] nameBytes() {
        return path.toString().getBytes(StandardCharsets.UTF_8);
    }
}
