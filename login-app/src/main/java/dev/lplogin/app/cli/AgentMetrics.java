package dev.lplogin.app.cli;

import dev.lplogin.app.wiring.AppConfig;
import dev.lplogin.domain.port.SessionListener;
import dev.lplogin.domain.usecase.LoginSettings;
import dev.lplogin.domain.usecase.LoginUseCase;
import java.util.Optional;

/** The agent's metrics: builds its core and renders {@code /metrics}. */
final class AgentMetrics {

    private AgentMetrics() {
    }

    static AgentMetrics create() {
        return new AgentMetrics();
    }

    /** The agent's core. */
    LoginUseCase core(LpLoginCommand root, AppConfig config, LoginSettings settings, SessionListener listener) {
        return root.component(config, settings, listener).loginUseCase();
    }

    /** The Prometheus text of every meter, if metrics are on. */
    Optional<String> scrape() {
        return Optional.empty();
    }
}
