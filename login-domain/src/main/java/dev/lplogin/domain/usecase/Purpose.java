package dev.lplogin.domain.usecase;

/** What a flight is for. */
enum Purpose {
    /** A caller needs a usable session (there was none, or it had expired). */
    GET_USABLE,
    /** A caller saw the session stale: refresh it unless someone already did. */
    REFRESH_IF_STALE,
    /** Keep-alive or an explicit refresh: confirm the session at the service now. */
    REFRESH_NOW,
    /** An explicit login with the credentials in {@link FlightProgress#loginWith}, replacing any session. */
    LOGIN,
    /** An explicit logout: end the session upstream and in the store, forget the credentials. */
    LOGOUT
}
