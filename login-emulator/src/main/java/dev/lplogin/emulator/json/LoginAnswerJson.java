package dev.lplogin.emulator.json;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** The successful login answer of spec §3.1, in the documented field order (the bearer comes last). */
@JsonbPropertyOrder({"csrf", "wsuk", "config", "csdsCollectionResponse", "accountData", "sessionTTl", "bearer"})
public record LoginAnswerJson(String csrf, String wsuk, Config config, BaseUrisJson csdsCollectionResponse,
                       AccountData accountData, String sessionTTl, String bearer) {

    /** The user's and server's settings; {@code userId} is a string. */
    @JsonbPropertyOrder({"loginName", "userId", "userPid", "userPrivileges", "serverCurrentTime", "timeDiff",
            "serverTimeZoneName", "serverTimeGMTDiff", "lpa", "admin", "accountTimeZoneId"})
    public record Config(String loginName, String userId, String userPid, List<Integer> userPrivileges,
                  long serverCurrentTime, long timeDiff, String serverTimeZoneName, long serverTimeGMTDiff,
                  @JsonbProperty("isLPA") boolean lpa, @JsonbProperty("isAdmin") boolean admin,
                  String accountTimeZoneId) {
    }

    /** {@code {"agentGroupsData":{"items":[…],"revision":1}}}. */
    public record AccountData(AgentGroups agentGroupsData) {
    }

    /** The account's agent groups. */
    public record AgentGroups(List<AgentGroup> items, int revision) {
    }

    /** One agent group; {@code -1} is the main group. */
    @JsonbPropertyOrder({"id", "deleted", "name"})
    public record AgentGroup(int id, boolean deleted, String name) {
    }

    @Override
    public String toString() {
        return "LoginAnswerJson[user=" + config.loginName() + ", csrf=***, bearer=***]";
    }
}
