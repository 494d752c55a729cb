package dev.lplogin.emulator;

import dev.lplogin.emulator.json.BaseUrisJson;
import dev.lplogin.emulator.json.ServiceJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The configured accounts by id, and the services the Domain API lists for each (spec §2). */
final class AccountDirectory {

    /**
     * The services every account lists; all point back at the emulator, so that no client is ever sent to a real
     * LivePerson host by a test. {@code agentVep} is the Login Service; {@code accountConfigReadOnly} and
     * {@code accountConfigReadWrite} serve the protected skills API ({@link SkillsHandler}).
     */
    static final List<String> SERVICES = List.of("agentVep", "sentinel", "facadeMsg", "asyncMessagingEnt", "smt",
            "liveEngageUI", "accountConfigReadOnly", "accountConfigReadWrite", "msgHist", "leDataReporting");

    // Account id -> username -> user: logins look users up by name, and an account may have thousands.
    private final Map<String, Map<String, EmulatorUser>> users;
    private final String authority;

    AccountDirectory(List<EmulatorAccount> accounts, String authority) {
        this.users = accounts.stream().collect(Collectors.toUnmodifiableMap(EmulatorAccount::id,
                account -> account.users().stream()
                        .collect(Collectors.toUnmodifiableMap(EmulatorUser::username, Function.identity()))));
        this.authority = authority;
    }

    boolean exists(String accountId) {
        return users.containsKey(accountId);
    }

    /** The user of that account, if both exist. */
    Optional<EmulatorUser> user(String accountId, String username) {
        return Optional.ofNullable(users.getOrDefault(accountId, Map.of()).get(username));
    }

    /** Every service of an account, in the Domain API's all-services shape. */
    BaseUrisJson services(String accountId) {
        return new BaseUrisJson(SERVICES.stream().map(name -> new ServiceJson(name, accountId, authority)).toList());
    }

    Optional<ServiceJson> service(String accountId, String serviceName) {
        return SERVICES.contains(serviceName)
                ? Optional.of(new ServiceJson(serviceName, accountId, authority))
                : Optional.empty();
    }
}
