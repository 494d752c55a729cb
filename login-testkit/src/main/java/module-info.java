/** Contract tests every port implementation must pass, a JUnit 5 extension that runs the emulator, a test proxy. */
module dev.lplogin.testkit {
    requires transitive dev.lplogin.domain;
    requires transitive dev.lplogin.emulator;
    requires transitive org.junit.jupiter.api;
    requires org.assertj.core;

    exports dev.lplogin.testkit;
}
