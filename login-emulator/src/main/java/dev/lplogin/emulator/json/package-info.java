/**
 * The emulator's wire records ({@code *Json}): plain data for the JSON bodies of spec §2 and §3, the admin endpoints
 * and the accounts file; they depend on nothing else in the emulator. Not exported. The records are {@code public}
 * and the package is opened only because Yasson reads records through a public lookup (a package-private record
 * fails at run time with "class is not public … from public Lookup").
 */
package dev.lplogin.emulator.json;
