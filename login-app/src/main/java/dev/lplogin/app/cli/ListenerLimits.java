package dev.lplogin.app.cli;

import java.time.Duration;

/**
 * The limits of the agent's listener, so that a local user without the key cannot knock it over: a cap on open
 * connections, and a deadline for reading a request (a "slowloris" client that never finishes its headers is cut
 * off, as is one that connects and sends nothing).
 *
 * <p>The JDK's HTTP server has no per-server API for these; it reads them from system properties once, when its
 * configuration class ({@code sun.net.httpserver.ServerConfig}) loads — that is, at the first
 * {@code HttpServer.create} of the process. So {@link #apply()} runs before the agent's server is created, and a
 * value the user set on the JVM's command line wins. The agent is the only server of its process.
 *
 * <p>What they buy: a flood of half-sent or unkeyed connections holds at most {@link #MAX_CONNECTIONS} descriptors,
 * each for at most {@link #MAX_REQUEST_TIME}; an unkeyed request is answered 401/403 and its connection closed at
 * once. A keyed client is served while the flood stays under the cap; a flood that keeps the cap full delays it (its
 * connection is refused) by at most about {@link #MAX_REQUEST_TIME}, until the flood's connections time out.
 */
final class ListenerLimits {

    /** Open connections at most; more are closed as soon as they are accepted. Above 200 concurrent callers. */
    static final int MAX_CONNECTIONS = 512;

    /** A request's line, headers and body must arrive within this; a loopback caller needs microseconds. */
    static final Duration MAX_REQUEST_TIME = Duration.ofSeconds(5);

    /** A kept-alive connection with no request is closed after this. */
    static final Duration IDLE = Duration.ofSeconds(10);

    /** Header lines and header bytes at most (the defaults are 200 lines and 380 KiB). */
    static final int MAX_HEADERS = 64;
    static final int MAX_HEADER_BYTES = 64 * 1024;

    private ListenerLimits() {
    }

    /** Sets the JDK server's properties (unless set on the command line); before the first server is created. */
    static void apply() {
        setIfAbsent("jdk.httpserver.maxConnections", MAX_CONNECTIONS);
        setIfAbsent("sun.net.httpserver.maxReqTime", MAX_REQUEST_TIME.toSeconds());
        setIfAbsent("sun.net.httpserver.idleInterval", IDLE.toSeconds());
        // how often idle and newly accepted connections are checked (default 10 s): a connection that sends nothing
        // is closed after MAX_REQUEST_TIME plus at most this
        setIfAbsent("sun.net.httpserver.clockTick", 1000);
        setIfAbsent("sun.net.httpserver.maxReqHeaders", MAX_HEADERS);
        setIfAbsent("sun.net.httpserver.maxReqHeaderSize", MAX_HEADER_BYTES);
    }

    private static void setIfAbsent(String name, long value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, Long.toString(value));
        }
    }
}
