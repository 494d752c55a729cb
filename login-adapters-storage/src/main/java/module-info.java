/** Driven adapters for the TokenStore port: in memory and on the file system. */
module dev.lplogin.adapter.storage {
    requires transitive dev.lplogin.domain;
    requires jakarta.json.bind;
    requires java.logging;

    // exports dev.lplogin.adapter.storage; -- exported once its first type lands (an empty package cannot be exported)
}
