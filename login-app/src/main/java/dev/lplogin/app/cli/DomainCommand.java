package dev.lplogin.app.cli;

import dev.lplogin.app.config.AppConfig;
import dev.lplogin.app.wiring.AdapterSettings;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.port.DomainNotFoundException;
import dev.lplogin.domain.usecase.LoginUseCase;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lp-login domain}: where an account's services live (spec §2), asked through the driving port
 * ({@link LoginUseCase#serviceHost}) like every other command.
 */
@Command(name = "domain", mixinStandardHelpOptions = true,
        description = "Show the host of a LivePerson service for an account (Domain API); default service agentVep.")
final class DomainCommand implements Callable<Integer> {

    @ParentCommand
    private LpLoginCommand root;

    @Option(names = "--account", paramLabel = "ID", description = "Account id (env LP_ACCOUNT).")
    private String account;

    @Option(names = "--service", paramLabel = "NAME", description = "Service name, case sensitive; default agentVep.")
    private String service;

    @Option(names = "--all", description = "List every service of the account.")
    private boolean all;

    @Override
    public Integer call() {
        if (all && service != null) {
            throw CliException.usage("--service and --all exclude each other", "give one of them");
        }
        AppConfig config = root.config(account, null);
        AccountId id = SessionTarget.account(config);
        ServiceName name = service == null ? ServiceName.LOGIN : ServiceName.of(service);
        Output output = root.output();
        // A lookup needs no session: memory keeps a broken or unsafe store directory from failing it.
        try (LoginUseCase core = root.oneShotCore(config.withStore(new AdapterSettings.Store.Memory()))) {
            print(core, id, name, output);
        }
        return ExitCode.OK.code();
    }

    private void print(LoginUseCase core, AccountId id, ServiceName name, Output output) {
        if (all) {
            Map<String, String> services = new TreeMap<>();
            core.serviceHosts(id).forEach((svc, host) -> services.put(svc.value(), host.value()));
            StringBuilder text = new StringBuilder();
            services.forEach((svc, host) -> text.append(text.isEmpty() ? "" : System.lineSeparator())
                    .append(String.format("%-28s %s", svc, host)));
            output.result(text.toString(), () -> Json.object().put("account", id.value()).put("services", services));
        } else {
            ServiceHost host = hostOf(core, id, name);
            output.result(host.value(), () -> Json.object().put("account", id.value()).put("service", name.value())
                    .put("host", host.value()));
        }
    }

    /**
     * The host of {@code name}; when the account has no such service but has others, the service is what is wrong
     * (typically its case: names are case-sensitive), not the account id.
     */
    private static ServiceHost hostOf(LoginUseCase core, AccountId id, ServiceName name) {
        try {
            return core.serviceHost(id, name);
        } catch (DomainNotFoundException missing) {
            Map<ServiceName, ServiceHost> known;
            try {
                known = core.serviceHosts(id); // from the cache the failed lookup filled: no second request
            } catch (DomainNotFoundException unknownAccount) {
                throw missing; // no service at all: the account id is what is wrong
            }
            String suggestion = known.keySet().stream().map(ServiceName::value)
                    .filter(candidate -> candidate.equalsIgnoreCase(name.value())).findFirst()
                    .map(candidate -> "; did you mean '" + candidate + "'? Service names are case-sensitive")
                    .orElse("");
            throw CliException.usage("account " + id.value() + " has no service '" + name.value() + "'" + suggestion,
                    "'lp-login domain --account " + id.value() + " --all' lists its services");
        }
    }
}
