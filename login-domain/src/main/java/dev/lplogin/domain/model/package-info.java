/**
 * The domain model: validated, immutable values (accounts, credentials, sessions, secrets) that every port and the
 * use case speak in. Nothing here performs I/O.
 */
package dev.lplogin.domain.model;
