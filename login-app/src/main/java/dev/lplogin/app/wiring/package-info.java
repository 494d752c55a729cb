/**
 * The composition root: the Dagger component and modules that build adapters with their plain constructors and the
 * core through {@code LoginCore.create}. The only package that knows Dagger.
 */
package dev.lplogin.app.wiring;
