package dev.lplogin.app.cli;

import dev.lplogin.app.config.AppConfig;
import dev.lplogin.domain.model.SessionInfo;
import dev.lplogin.domain.usecase.LoginUseCase;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code lp-login status}: the stored sessions, without secrets and without touching the network. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "List stored sessions: account, user, login host, age, last refresh, state. No secrets.")
final class StatusCommand implements Callable<Integer> {

    private static final String ROW = "%-12s %-20s %-32s %-9s %-13s %s";

    @ParentCommand
    private LpLoginCommand root;

    @Override
    public Integer call() {
        AppConfig config = root.config(null, null);
        Instant now = root.clock().instant();
        try (LoginUseCase core = root.oneShotCore(config)) {
            List<SessionInfo> sessions = core.sessions().stream()
                    .sorted(Comparator.comparing((SessionInfo s) -> s.key().account().value())
                            .thenComparing(s -> s.key().loginName()))
                    .toList();
            root.output().result(table(sessions, now, config), () -> Json.object()
                    .put("store", config.store().toString())
                    .put("sessions", sessions.stream().map(s -> Formats.session(s, now)).toList()));
        }
        return ExitCode.OK.code();
    }

    private static String table(List<SessionInfo> sessions, Instant now, AppConfig config) {
        if (sessions.isEmpty()) {
            return "no stored sessions (store: " + config.store() + ")";
        }
        StringBuilder text = new StringBuilder(String.format(ROW, "ACCOUNT", "USER", "LOGIN HOST", "AGE",
                "LAST REFRESH", "STATE"));
        for (SessionInfo s : sessions) {
            text.append(System.lineSeparator()).append(String.format(ROW, s.key().account(), s.key().loginName(),
                    s.loginHost(), Formats.age(s.issuedAt(), now),
                    Formats.ago(s.lastConfirmedAt(), now), s.freshness().name().toLowerCase(Locale.ROOT)));
        }
        return text.toString();
    }
}
