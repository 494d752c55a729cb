package dev.lplogin.emulator.server;

import java.util.List;

/** The all-services Domain API answer (spec §2), also embedded in the login answer as {@code csdsCollectionResponse}. */
public record BaseUrisJson(List<ServiceJson> baseURIs) {
}
