package dev.lplogin.emulator;

/**
 * The LivePerson endpoints the emulator serves, named as in stats and the admin API ({@code csds}, …,
 * {@code list-skills}).
 */
public enum Endpoint {
    /** The Domain API (spec §2), both shapes and both path prefixes. */
    CSDS,
    /** {@code POST /api/account/{account}/login} (spec §3.1). */
    LOGIN,
    /** {@code POST /api/account/{account}/refresh} (spec §3.2). */
    REFRESH,
    /** {@code POST /api/account/{account}/logout} (spec §3.3). */
    LOGOUT,
    /**
     * {@code GET /api/account/{account}/configuration/le-users/skills}: a protected API (Account Configuration,
     * services {@code accountConfigReadOnly} and {@code accountConfigReadWrite}) that needs a live bearer.
     */
    LIST_SKILLS,
    /** {@code POST /api/account/{account}/configuration/le-users/skills} (service {@code accountConfigReadWrite}). */
    CREATE_SKILL;

    /**
     * The lower-case name used on the wire: {@code csds}, {@code login}, {@code refresh}, {@code logout},
     * {@code list-skills}, {@code create-skill}.
     */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Whether this is a protected API (it takes a bearer), whose requests {@code /_emulator/api-requests} lists. */
    public boolean isProtectedApi() {
        return this == LIST_SKILLS || this == CREATE_SKILL;
    }

    /**
     * The endpoint with this wire name.
     *
     * @throws IllegalArgumentException if the name is not the {@link #wireName()} of an endpoint
     */
    public static Endpoint fromWireName(String wireName) {
        for (Endpoint endpoint : values()) {
            if (endpoint.wireName().equals(wireName)) {
                return endpoint;
            }
        }
        throw new IllegalArgumentException("unknown endpoint '" + wireName + "': use one of " + wireNames());
    }

    /** Every wire name, comma-separated, for messages. */
    static String wireNames() {
        return java.util.Arrays.stream(values()).map(Endpoint::wireName)
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
