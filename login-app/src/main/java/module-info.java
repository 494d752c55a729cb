/** The composition root (Dagger) and the driving adapter: the lp-login command line. */
module dev.lplogin.app {
    requires dev.lplogin.domain;
    requires dev.lplogin.adapter.http;
    requires dev.lplogin.adapter.storage;
    requires dev.lplogin.emulator;
    requires dagger;
    requires jakarta.inject;
    requires info.picocli;
    requires java.logging;

    opens dev.lplogin.app.cli to info.picocli;
}
