/**
 * The emulator's insides: the JDK HTTP(S) server, one handler per LivePerson endpoint, the session registry, the
 * fault plan and the wire records ({@code *Json}). Not exported; opened so that Yasson can read the records.
 */
package dev.lplogin.emulator.server;
