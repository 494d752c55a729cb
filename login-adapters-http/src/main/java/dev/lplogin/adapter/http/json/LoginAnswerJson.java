package dev.lplogin.adapter.http.json;

import dev.lplogin.domain.model.Secret;

/**
 * The parts of a successful login answer this client uses (spec §3.1); every other field is ignored.
 *
 * @param config                 the user's configuration (documented name)
 * @param siteConfig             the same under the name the docs' prose once uses; read when {@code config} is absent
 * @param csdsCollectionResponse the account's service hosts, when the answer carries them
 * @param sessionTTl             the session's maximum lifetime in milliseconds, as a string (sic)
 */
public record LoginAnswerJson(Secret csrf, LoginConfigJson config, LoginConfigJson siteConfig,
        BaseUrisJson csdsCollectionResponse, String sessionTTl, Secret bearer) {
}
