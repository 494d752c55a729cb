/**
 * Calls to other LivePerson APIs with a session's bearer, for embedders, the command line ({@code lp-login api}) and
 * the agent's proxy: a driving adapter over {@code LoginUseCase} that sends on the HTTP adapter's shared transport.
 */
module dev.lplogin.calls {
    requires transitive dev.lplogin.domain;
    requires transitive dev.lplogin.adapter.http;
    requires transitive java.net.http;
    requires java.logging;

    exports dev.lplogin.calls;
}
