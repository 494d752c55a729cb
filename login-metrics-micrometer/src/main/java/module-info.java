/**
 * Micrometer metrics for lp-login: metered decorators of the driven ports ({@code AuthGateway}, {@code DomainLookup},
 * {@code TokenStore}) and a {@code SessionListener}, all built by {@link dev.lplogin.adapter.metrics.LoginMetrics}.
 * The domain stays free of Micrometer: only this module knows it.
 */
module dev.lplogin.adapter.metrics {
    requires transitive dev.lplogin.domain;
    requires transitive micrometer.core;

    exports dev.lplogin.adapter.metrics;
}
