/**
 * A {@code TokenStore} on Redis for fleets: every replica of a bot, on any host, shares one LivePerson session.
 * Lettuce and Netty are loaded only when this store is created.
 */
module dev.lplogin.adapter.redis {
    requires transitive dev.lplogin.domain;
    // the sealed record format and its EncryptionKey, shared with the file store; the key is part of the settings
    requires transitive dev.lplogin.adapter.storage;
    requires lettuce.core;
    // Lettuce is an automatic module: it reads every module in the graph, but the explicit modules it uses must be
    // put there by someone (reactor.core and org.reactivestreams, automatic too, come along with it)
    requires io.netty.common;
    requires io.netty.buffer;
    requires io.netty.transport;
    requires io.netty.handler;
    requires io.netty.codec;
    requires io.netty.resolver;
    requires io.netty.resolver.dns;
    requires org.slf4j;

    exports dev.lplogin.adapter.redis;
}
