package dev.lplogin.adapter.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads an answer body into memory up to a limit; a larger body is abandoned (the exchange is cancelled) and
 * reported as empty, so a hostile or broken server cannot make the client buffer without bound.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<Optional<byte[]>> {

    private final int maxBytes;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<Optional<byte[]>> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private LimitedBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A handler whose body is empty when the answer exceeds {@code maxBytes}. */
    static HttpResponse.BodyHandler<Optional<byte[]>> handler(int maxBytes) {
        return info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return declared > maxBytes
                    ? HttpResponse.BodySubscribers.replacing(Optional.empty())
                    : new LimitedBody(maxBytes);
        };
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + buffer.remaining() > maxBytes) {
                subscription.cancel();
                result.complete(Optional.empty());
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(Optional.of(bytes.toByteArray()));
    }

    @Override
    public CompletionStage<Optional<byte[]>> getBody() {
        return result;
    }
}
