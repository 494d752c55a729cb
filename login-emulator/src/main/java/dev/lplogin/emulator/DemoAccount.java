package dev.lplogin.emulator;

import java.util.List;

/**
 * The built-in demo account every emulator serves unless configured otherwise. README examples and tests rely on
 * these values; they are public test data, not secrets.
 */
public final class DemoAccount {

    /** The demo account id. */
    public static final String ACCOUNT_ID = "12345678";
    /** A person who logs in with {@link #PASSWORD}. */
    public static final String USERNAME = "demo";
    /** The password of {@link #USERNAME}. */
    public static final String PASSWORD = "demo-password";
    /** A bot user that logs in with OAuth2 client credentials {@link #CLIENT_ID} / {@link #CLIENT_SECRET}. */
    public static final String BOT_USERNAME = "demo-bot";
    /** The OAuth2 client id of {@link #BOT_USERNAME}. */
    public static final String CLIENT_ID = "demo-client";
    /** The OAuth2 client secret of {@link #BOT_USERNAME}. */
    public static final String CLIENT_SECRET = "demo-secret";
    /** A bot user that logs in with a legacy OAuth1 key set. */
    public static final String LEGACY_BOT_USERNAME = "legacy-bot";
    /** The OAuth1 app key of {@link #LEGACY_BOT_USERNAME}. */
    public static final String LEGACY_APP_KEY = "legacy-key";
    /** The OAuth1 app secret of {@link #LEGACY_BOT_USERNAME}. */
    public static final String LEGACY_SECRET = "legacy-secret";
    /** The OAuth1 access token of {@link #LEGACY_BOT_USERNAME}. */
    public static final String LEGACY_ACCESS_TOKEN = "legacy-token";
    /** The OAuth1 access token secret of {@link #LEGACY_BOT_USERNAME}. */
    public static final String LEGACY_ACCESS_TOKEN_SECRET = "legacy-token-secret";
    /** A user whose valid logins are answered 451 (spec §3.1). */
    public static final String BLOCKED_USERNAME = "blocked";
    /** The password of {@link #BLOCKED_USERNAME}. */
    public static final String BLOCKED_PASSWORD = "blocked-password";

    private DemoAccount() {
    }

    /** The demo account with its five users. */
    public static EmulatorAccount account() {
        return new EmulatorAccount(ACCOUNT_ID, List.of(
                EmulatorUser.withPassword(USERNAME, PASSWORD),
                EmulatorUser.oauth2Bot(BOT_USERNAME, CLIENT_ID, CLIENT_SECRET),
                EmulatorUser.oauth1Bot(LEGACY_BOT_USERNAME, LEGACY_APP_KEY, LEGACY_SECRET, LEGACY_ACCESS_TOKEN,
                        LEGACY_ACCESS_TOKEN_SECRET),
                EmulatorUser.withPassword(BLOCKED_USERNAME, BLOCKED_PASSWORD).asBlocked()));
    }
}
