/**
 * A {@code TokenStore} on Redis for fleets: every replica of a bot, on any host, shares one LivePerson session.
 * Lettuce and Netty are loaded only when this store is created.
 */
module dev.lplogin.adapter.redis {
    requires transitive dev.lplogin.domain;
    // the sealed record format and its EncryptionKey, shared with the file store; the key is part of the settings
    requires transitive dev.lplogin.adapter.storage;
    requires lettuce.core;

    exports dev.lplogin.adapter.redis;
}
