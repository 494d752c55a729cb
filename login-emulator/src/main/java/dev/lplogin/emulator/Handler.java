package dev.lplogin.emulator;

/** Answers one kind of request; may throw {@link Rejection} for a 4xx. */
@FunctionalInterface
interface Handler {
    Reply handle(Request request);
}
