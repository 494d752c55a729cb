/** Driven adapters for the TokenStore port: in memory and on the file system. */
module dev.lplogin.adapter.storage {
    requires transitive dev.lplogin.domain;
    requires java.logging;

    exports dev.lplogin.adapter.storage;
}
