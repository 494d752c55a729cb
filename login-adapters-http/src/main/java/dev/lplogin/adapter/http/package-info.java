/**
 * Driven adapters that reach LivePerson over HTTP: {@code HttpDomainLookup} (the Domain API) and {@code HttpAuthGateway}
 * (the Login Service), with LivePerson's retry policy. Wire formats stay inside this package.
 */
package dev.lplogin.adapter.http;
