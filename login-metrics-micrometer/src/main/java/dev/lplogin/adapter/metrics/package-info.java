/**
 * Metrics for lp-login through Micrometer. {@link dev.lplogin.adapter.metrics.LoginMetrics} wraps each driven port in
 * a metered decorator and adds a session listener; every meter is named under {@code lplogin.} and tagged with
 * bounded values only (operation, outcome, reason: never an account, a user or a host). The meters are documented in
 * docs/metrics.md.
 */
package dev.lplogin.adapter.metrics;
