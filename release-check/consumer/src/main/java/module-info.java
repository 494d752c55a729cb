/** The consumer check's module: what an embedder using the app's Dagger wiring, the emulator and the testkit needs. */
module lp.login.consumer {
    requires dev.lplogin.app;
    requires dev.lplogin.calls; // the docs' calls to other LivePerson APIs
    requires dev.lplogin.emulator;
    requires dev.lplogin.testkit; // the docs' contract-test snippets
    requires dagger; // the docs' @Module snippets
    requires jakarta.inject;
}
