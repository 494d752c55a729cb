package dev.lplogin.calls;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The body of a {@link ServiceCall}, and whether it can be sent twice — which decides whether a call answered 401 is
 * replayed. Bytes, text and files are {@linkplain #replayable() replayable}; a stream or a caller's own publisher is
 * sent once, and a 401 it gets is returned to the caller.
 */
public sealed interface CallBody {

    /** Whether the same bytes can be sent again, so that a call answered 401 can be replayed. */
    boolean replayable();

    /** A publisher for one send of this body. */
    BodyPublisher publisher();

    /** No body. */
    static CallBody none() {
        return Empty.INSTANCE;
    }

    /** These bytes (copied). Replayable. */
    static CallBody ofBytes(byte[] bytes) {
        return new Bytes(bytes.clone());
    }

    /** This text as UTF-8. Replayable. */
    static CallBody ofString(String text) {
        return new Bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The content of a file, read at each send. Replayable.
     *
     * @throws IllegalArgumentException if it is not a readable regular file
     */
    static CallBody ofFile(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("the body file " + file + " is not a readable file");
        }
        return new FileContent(file);
    }

    /** What {@code in} yields, read once while the request is sent. Not replayable. */
    static CallBody ofInputStream(InputStream in) {
        Objects.requireNonNull(in, "in");
        return new OneShot(BodyPublishers.ofInputStream(() -> in));
    }

    /** The caller's own publisher, subscribed once. Not replayable. */
    static CallBody oneShot(BodyPublisher publisher) {
        return new OneShot(Objects.requireNonNull(publisher, "publisher"));
    }

    /** No body at all (no {@code Content-Length}). */
    enum Empty implements CallBody {
        INSTANCE;

        @Override
        public boolean replayable() {
            return true;
        }

        @Override
        public BodyPublisher publisher() {
            return BodyPublishers.noBody();
        }
    }

    /** Bytes held in memory; never shown by {@link #toString()}. */
    record Bytes(byte[] bytes) implements CallBody {

        /** Does not copy: {@link CallBody#ofBytes} does. */
        public Bytes {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public boolean replayable() {
            return true;
        }

        @Override
        public BodyPublisher publisher() {
            return BodyPublishers.ofByteArray(bytes);
        }

        @Override
        public String toString() {
            return "Bytes[" + bytes.length + " bytes]";
        }
    }

    /** A file, opened afresh for every send. */
    record FileContent(Path file) implements CallBody {

        public FileContent {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public boolean replayable() {
            return true;
        }

        /** @throws IllegalStateException if the file has gone since the body was made */
        @Override
        public BodyPublisher publisher() {
            try {
                return BodyPublishers.ofFile(file);
            } catch (FileNotFoundException e) {
                throw new IllegalStateException("the body file " + file + " is gone", e);
            }
        }
    }

    /** A stream or publisher that can be sent once. */
    record OneShot(BodyPublisher publisher) implements CallBody {

        public OneShot {
            Objects.requireNonNull(publisher, "publisher");
        }

        @Override
        public boolean replayable() {
            return false;
        }

        @Override
        public String toString() {
            return "OneShot[]";
        }
    }
}
