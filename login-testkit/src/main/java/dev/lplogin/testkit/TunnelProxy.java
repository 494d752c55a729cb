package dev.lplogin.testkit;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP CONNECT proxy on loopback, for tests: it opens a TCP tunnel to whatever {@code host:port} a CONNECT
 * names and counts what it did. Optionally it demands Basic credentials, answering 407 (and closing) without them,
 * as a real proxy does. Nothing but CONNECT is served. Proxies of {@code https} traffic for tests of
 * {@code HTTPS_PROXY} handling; close it after use.
 */
public final class TunnelProxy implements Closeable {

    private final ServerSocket server;
    private final Optional<String> requiredAuthorization;
    private final AtomicInteger connects = new AtomicInteger();
    private final AtomicInteger tunnels = new AtomicInteger();
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private TunnelProxy(Optional<String> requiredAuthorization) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.requiredAuthorization = requiredAuthorization;
        Thread.ofVirtual().name("tunnel-proxy-accept").start(this::acceptAll);
    }

    /**
     * A proxy that tunnels for anyone.
     *
     * @throws IOException if no loopback port can be opened
     */
    public static TunnelProxy open() throws IOException {
        return new TunnelProxy(Optional.empty());
    }

    /**
     * A proxy that tunnels only for {@code user}/{@code password} (Basic).
     *
     * @throws IOException if no loopback port can be opened
     */
    public static TunnelProxy requiring(String user, String password) throws IOException {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new TunnelProxy(Optional.of("Basic " + token));
    }

    /** Its loopback port. */
    public int port() {
        return server.getLocalPort();
    }

    /** {@code http://127.0.0.1:port}, as HTTPS_PROXY names it. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** CONNECT requests received, refused ones included. */
    public int connects() {
        return connects.get();
    }

    /** Tunnels opened. */
    public int tunnels() {
        return tunnels.get();
    }

    /** The {@code host:port} of every tunnel opened. */
    public List<String> targets() {
        return List.copyOf(targets);
    }

    /** The {@code Proxy-Authorization} values received, one per CONNECT that carried one. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread.ofVirtual().name("tunnel-proxy-client").start(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            List<String> head = readHead(in);
            if (head.isEmpty() || !head.getFirst().startsWith("CONNECT ")) {
                out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            connects.incrementAndGet();
            String target = head.getFirst().split(" ")[1];
            Optional<String> authorization = header(head, "proxy-authorization");
            authorization.ifPresent(authorizations::add);
            if (requiredAuthorization.isPresent() && !requiredAuthorization.equals(authorization)) {
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\""
                        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return;
            }
            int colon = target.lastIndexOf(':');
            try (Socket upstream = new Socket(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)))) {
                open.add(upstream);
                tunnels.incrementAndGet();
                targets.add(target);
                out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                Thread back = Thread.ofVirtual().start(() -> pump(upstream, client));
                pump(client, upstream);
                back.join();
            }
        } catch (IOException | InterruptedException | RuntimeException ended) {
            // the client or the server went away: the tunnel ends
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException ended) {
            // one side closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    /** The request line and header lines, up to the empty line; reads no byte past it. */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                String text = new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
                previous = -1;
                continue;
            }
            line.write(b);
            previous = b;
        }
        return lines;
    }

    private static Optional<String> header(List<String> head, String name) {
        return head.stream().skip(1)
                .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                .map(h -> h.substring(h.indexOf(':') + 1).strip())
                .findFirst();
    }
}
