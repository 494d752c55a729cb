package dev.lplogin.archfixture.adapter.http;

/** Breaks the wire-record rule: public, and used from another package. */
public record PublicTokenJson(String bearer) {
}
