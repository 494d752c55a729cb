/** Driven adapters for the TokenStore port: in memory and on the file system. */
module dev.lplogin.adapter.storage {
    requires transitive dev.lplogin.domain;
    requires jakarta.json.bind;
    requires java.logging;

    exports dev.lplogin.adapter.storage;
    // Yasson maps the file format's *Json records through a public lookup, which needs an unqualified opens
    // (docs/design.md, module map); a qualified "opens ... to org.eclipse.yasson" fails at run time.
    opens dev.lplogin.adapter.storage;
}
