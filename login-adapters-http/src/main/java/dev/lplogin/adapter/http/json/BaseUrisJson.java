package dev.lplogin.adapter.http.json;

import java.util.List;

/** The all-services Domain API answer, also a login answer's {@code csdsCollectionResponse} (spec §2, §3.1). */
public record BaseUrisJson(List<BaseUriJson> baseURIs) {
}
