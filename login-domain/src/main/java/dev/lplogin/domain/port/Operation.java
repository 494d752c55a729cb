package dev.lplogin.domain.port;

/** The step of the flow (spec §1) an infrastructure failure happened in; named in every error message. */
public enum Operation {
    DOMAIN_LOOKUP("domain lookup"),
    LOGIN("login"),
    REFRESH("refresh"),
    LOGOUT("logout"),
    STORE("session store"),
    /** A call with the bearer to another LivePerson API (module {@code dev.lplogin.calls}). */
    API_CALL("call to a LivePerson API");

    private final String label;

    Operation(String label) {
        this.label = label;
    }

    /** Human wording, e.g. {@code domain lookup}. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
