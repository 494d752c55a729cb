/**
 * The driving side of the hexagon: {@link dev.lplogin.domain.usecase.LoginUseCase}, the one port embedding products
 * call, the session lifecycle that implements it, and {@link dev.lplogin.domain.usecase.LoginCore}, the plain-Java
 * factory that assembles it from driven ports.
 */
package dev.lplogin.domain.usecase;
