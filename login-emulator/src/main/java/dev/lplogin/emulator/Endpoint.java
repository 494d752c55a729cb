package dev.lplogin.emulator;

/** The four LivePerson endpoints the emulator serves, named as in stats and the admin API ({@code csds}, …). */
public enum Endpoint {
    /** The Domain API (spec §2), both shapes and both path prefixes. */
    CSDS,
    /** {@code POST /api/account/{account}/login} (spec §3.1). */
    LOGIN,
    /** {@code POST /api/account/{account}/refresh} (spec §3.2). */
    REFRESH,
    /** {@code POST /api/account/{account}/logout} (spec §3.3). */
    LOGOUT;

    /** The lower-case name used on the wire: {@code csds}, {@code login}, {@code refresh}, {@code logout}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The endpoint with this wire name.
     *
     * @throws IllegalArgumentException if the name is none of {@code csds}, {@code login}, {@code refresh},
     *     {@code logout}
     */
    public static Endpoint fromWireName(String wireName) {
        for (Endpoint endpoint : values()) {
            if (endpoint.wireName().equals(wireName)) {
                return endpoint;
            }
        }
        throw new IllegalArgumentException(
                "unknown endpoint '" + wireName + "': use one of csds, login, refresh, logout");
    }
}
