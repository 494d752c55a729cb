package dev.lplogin.archfixture.adapter.http;

/** Obeys the wire-record rule: package-private and used only in its own package. */
record TokenJson(String bearer) {
}
