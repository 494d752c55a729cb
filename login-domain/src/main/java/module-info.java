/**
 * The hexagon of lp-login: the session model, the ports the core needs from the world, and the session lifecycle
 * use case that embedding products drive. Depends on {@code java.base} only.
 */
module dev.lplogin.domain {
    exports dev.lplogin.domain.model;
    exports dev.lplogin.domain.port;
    exports dev.lplogin.domain.usecase;
}
