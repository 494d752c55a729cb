package dev.lplogin.adapter.redis;

import dev.lplogin.testkit.RedisServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A raw RESP subscriber to one channel, to see exactly what a notice carries on the wire. */
final class NoticeRecorder implements AutoCloseable {

    private final Socket socket = new Socket();
    private final InputStream in;

    NoticeRecorder(RedisServer server, String channel) throws IOException {
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 2_000);
        OutputStream out = socket.getOutputStream();
        out.write(("*2\r\n$9\r\nSUBSCRIBE\r\n$" + channel.length() + "\r\n" + channel + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
        in = socket.getInputStream();
        socket.setSoTimeout(5_000);
        readMessage(); // the subscribe confirmation
    }

    /** The payload of the next message on the channel. */
    String next(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        return readMessage();
    }

    /** Reads one push ({@code *3 kind channel payload}) and returns its last element. */
    private String readMessage() throws IOException {
        String header = line();
        int count = Integer.parseInt(header.substring(1));
        String last = null;
        for (int i = 0; i < count; i++) {
            String item = line();
            if (item.startsWith("$")) {
                int length = Integer.parseInt(item.substring(1));
                byte[] bytes = in.readNBytes(length + 2);
                last = new String(bytes, 0, length, StandardCharsets.UTF_8);
            } else {
                last = item.substring(1);
            }
        }
        return last;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c == -1) {
                throw new IOException("closed");
            }
            line.append((char) c);
        }
        in.read();
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
