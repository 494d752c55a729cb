package dev.lplogin.emulator.json;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** One Domain API entry (spec §2): {@code {"service":"agentVep","account":"…","baseURI":"host:port"}}. */
@JsonbPropertyOrder({"service", "account", "baseURI"})
public record ServiceJson(String service, String account, String baseURI) {
}
