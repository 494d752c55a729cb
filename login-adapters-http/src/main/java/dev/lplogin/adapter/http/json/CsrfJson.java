package dev.lplogin.adapter.http.json;

import dev.lplogin.domain.model.Secret;

/** The body of refresh and logout (spec §3.2, §3.3): {@code {"csrf":…}}. */
public record CsrfJson(Secret csrf) {
}
