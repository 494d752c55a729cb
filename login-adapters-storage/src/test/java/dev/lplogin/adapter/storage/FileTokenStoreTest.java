package dev.lplogin.adapter.storage;

import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.testkit.TokenStoreContract;
import java.nio.file.Path;
import java.time.InstantSource;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a plaintext {@link FileTokenStore}; file-specific behaviour has its own test classes. */
class FileTokenStoreTest extends TokenStoreContract {

    @TempDir
    Path directory;

    @Override
    protected TokenStore createStore(InstantSource clock) {
        return FileTokenStore.open(directory.resolve("store"), clock);
    }
}
