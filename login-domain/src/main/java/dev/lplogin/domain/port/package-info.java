/**
 * Driven ports: what the core needs from the outside world (finding the login host, talking to the Login Service,
 * storing sessions, announcing events, scheduling), the outcomes those calls return and the small family of
 * infrastructure exceptions adapters translate their failures into.
 */
package dev.lplogin.domain.port;
