/**
 * The wire formats of the Domain API and the Login Service (spec §2, §3) as JSON-B records. Internal to the HTTP
 * adapter: the package is opened to JSON-B but not exported. The records are public only because Yasson binds
 * records through a public lookup and cannot reach non-public classes on the module path (checked with Yasson 3.0.4).
 * Secret fields are {@link dev.lplogin.domain.model.Secret}s, bound by {@link SecretAdapter}, so no record can print
 * one.
 */
package dev.lplogin.adapter.http.json;
