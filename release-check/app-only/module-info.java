/** Proves that `requires dev.lplogin.app;` alone compiles the README's Dagger embedding (release-check/run). */
module app.only {
    requires dev.lplogin.app;
}
