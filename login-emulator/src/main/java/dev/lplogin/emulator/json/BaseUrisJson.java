package dev.lplogin.emulator.json;

import java.util.List;

/** The all-services Domain API answer (spec §2); the login answer embeds it as {@code csdsCollectionResponse}. */
public record BaseUrisJson(List<ServiceJson> baseURIs) {
}
