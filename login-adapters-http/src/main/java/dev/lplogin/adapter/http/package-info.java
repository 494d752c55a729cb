/**
 * Driven adapters that reach LivePerson over HTTP: {@link dev.lplogin.adapter.http.HttpDomainLookup} (the Domain
 * API) and {@link dev.lplogin.adapter.http.HttpAuthGateway} (the Login Service), sharing one
 * {@link dev.lplogin.adapter.http.HttpTransport} that applies LivePerson's retry policy. Configured by
 * {@link dev.lplogin.adapter.http.HttpSettings}; no HTTP, JSON or Failsafe type leaves this module.
 */
package dev.lplogin.adapter.http;
