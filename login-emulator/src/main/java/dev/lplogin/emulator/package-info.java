/**
 * A local stand-in for LivePerson's Login Service and Domain API (spec §2, §3) on loopback, with admin controls for
 * faults, expiry and a movable clock. Outside the hexagon: it knows nothing of the client.
 */
package dev.lplogin.emulator;
