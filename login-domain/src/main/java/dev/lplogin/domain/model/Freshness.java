package dev.lplogin.domain.model;

/** How usable a session is right now (spec §3.2, §3.5); see {@link Session#freshnessAt}. */
public enum Freshness {
    /** Confirmed within the refresh interval: its bearer is handed out as is. */
    FRESH,
    /** A refresh is due: the bearer is still handed out while one background refresh runs. */
    STALE,
    /** Past the assumed idle timeout or its maximum lifetime: only a new login helps. */
    EXPIRED
}
