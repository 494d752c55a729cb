/** A faithful local LivePerson Login Service and Domain API over HTTP(S), with fault injection. */
module dev.lplogin.emulator {
    requires jdk.httpserver;
    requires jakarta.json.bind;
    requires java.logging;

    // exports dev.lplogin.emulator; -- exported once its first type lands (an empty package cannot be exported)
}
