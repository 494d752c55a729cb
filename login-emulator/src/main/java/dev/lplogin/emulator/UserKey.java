package dev.lplogin.emulator;

/** A user within an account: the unit of one-session-per-user and of the login rate limit. */
record UserKey(String account, String username) {
}
