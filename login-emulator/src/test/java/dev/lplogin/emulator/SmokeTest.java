package dev.lplogin.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void fullFlowOverHttps() {
        try (var emulator = LoginEmulator.start()) {
            var client = new RawClient(emulator);
            var csds = client.get("/api/account/12345678/service/agentVep/baseURI.json?version=1.0");
            System.out.println(csds.statusCode() + " " + csds.body());
            var login = client.loginRaw("12345678", RawClient.userBody("demo", "demo-password"));
            System.out.println(login.statusCode() + " " + login.headers().map() + " " + login.body());
            var l = client.loginDemo();
            System.out.println(client.refresh(l).statusCode());
            System.out.println(client.logout(l).statusCode() + " " + client.refresh(l).body());
            System.out.println(client.get("/_emulator/stats").body());
            System.out.println(client.get("/nope").body());
            assertThat(csds.statusCode()).isEqualTo(200);
        }
    }
}
