package dev.lplogin.adapter.http;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import java.net.URI;
import java.util.Locale;

/**
 * The URLs this adapter calls (spec §2, §3) and the one rule about schemes: {@code https} always, plain {@code http}
 * only when the Domain API itself is plain http on loopback and the service host is loopback too (the emulator).
 */
final class Endpoints {

    private final String csdsBase;
    private final boolean plainHttpToLoopback;

    Endpoints(URI csdsBaseUrl) {
        URI valid = validCsdsBaseUrl(csdsBaseUrl);
        this.csdsBase = valid.toString();
        this.plainHttpToLoopback = valid.getScheme().equals("http");
    }

    /**
     * The Domain API base URL without a trailing slash, if it is absolute {@code https}, or {@code http} on a
     * loopback host, with no user info, query or fragment.
     *
     * @throws IllegalArgumentException saying what is wrong otherwise
     */
    static URI validCsdsBaseUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("the Domain API URL must be an absolute https URL such as "
                    + HttpSettings.DEFAULT_CSDS_BASE_URL + ", got '" + url + "'");
        }
        if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
            // User info would put a secret in a URL; a query or fragment would break the paths appended to it.
            throw new IllegalArgumentException(
                    "the Domain API URL must not contain user info, a query or a fragment, e.g. https://api.liveperson.net");
        }
        if (scheme.equals("http") && !isLoopback(url)) {
            throw new IllegalArgumentException("the Domain API URL must use https; plain http is allowed only for a "
                    + "loopback host such as 127.0.0.1 (the emulator), got " + url.getScheme() + "://" + url.getHost());
        }
        String text = url.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** The all-services lookup (spec §2). */
    URI allServices(AccountId account) {
        return URI.create(csdsBase + "/api/account/" + account + "/service/baseURI.json?version=1.0");
    }

    /** The single-service lookup (spec §2). */
    URI service(AccountId account, ServiceName service) {
        return URI.create(csdsBase + "/api/account/" + account + "/service/" + service + "/baseURI.json?version=1.0");
    }

    /** Login, with the documented {@code v=1.3} (spec §3.1). */
    URI login(ServiceHost host, AccountId account) {
        return URI.create(origin(host) + "/api/account/" + account + "/login?v=1.3");
    }

    /** Refresh, without {@code v} (spec §3.2 decision). */
    URI refresh(ServiceHost host, AccountId account) {
        return URI.create(origin(host) + "/api/account/" + account + "/refresh");
    }

    /** Logout (spec §3.3). */
    URI logout(ServiceHost host, AccountId account) {
        return URI.create(origin(host) + "/api/account/" + account + "/logout");
    }

    /** {@code https://host}, or {@code http://host} for a loopback host when the Domain API is plain http. */
    String origin(ServiceHost host) {
        return (plainHttpToLoopback && host.isLoopback() ? "http://" : "https://") + host;
    }

    private static boolean isLoopback(URI url) {
        try {
            return ServiceHost.of(url.getHost()).isLoopback();
        } catch (IllegalArgumentException notAHost) {
            return false;
        }
    }
}
