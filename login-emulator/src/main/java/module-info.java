/** A faithful local LivePerson Login Service and Domain API over HTTP(S), with fault injection. */
module dev.lplogin.emulator {
    requires jdk.httpserver;
    requires jakarta.json.bind;
    requires java.logging;

    exports dev.lplogin.emulator;
    // Not exported (wire format), but opened unqualified: Yasson reads its *Json records via a public lookup.
    opens dev.lplogin.emulator.json;
}
