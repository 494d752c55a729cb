/**
 * The emulator's insides: the JDK HTTP(S) server, one handler per LivePerson endpoint, the session registry, the
 * fault plan and the wire records ({@code *Json}). Not exported. The wire records are {@code public} and the package
 * is opened only because Yasson reads records through a public lookup (a package-private record fails at run time
 * with "class is not public … from public Lookup").
 */
package dev.lplogin.emulator.server;
