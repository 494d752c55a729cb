package dev.lplogin.app.cli;

import dev.lplogin.app.config.AppConfig;
import dev.lplogin.app.wiring.LoginComponent;
import dev.lplogin.domain.port.SessionListener;
import dev.lplogin.domain.usecase.LoginSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;

/**
 * The agent's metrics: a Prometheus registry that the agent's core records into (docs/metrics.md), rendered by
 * {@code GET /metrics}. Only the agent builds it: the one-shot commands run for a moment and have nobody to scrape.
 */
final class AgentMetrics {

    private final PrometheusMeterRegistry registry;

    private AgentMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    static AgentMetrics create() {
        return new AgentMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** The agent's object graph, its core metered into the registry. */
    LoginComponent component(AppConfig config, LoginSettings settings, SessionListener listener) {
        return LoginComponent.create(config.adapters(), settings, listener, registry);
    }

    /** Every meter in the Prometheus text format. */
    Optional<String> scrape() {
        return Optional.of(registry.scrape());
    }
}
