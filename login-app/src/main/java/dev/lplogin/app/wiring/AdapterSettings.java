package dev.lplogin.app.wiring;

import dev.lplogin.adapter.http.HttpSettings;
import dev.lplogin.adapter.redis.RedisStoreSettings;
import dev.lplogin.adapter.storage.EncryptionKey;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link LoginComponent} needs to build the driven adapters: the HTTP adapters' settings and where sessions are
 * kept. A plain value; defaults and validation belong to the adapters themselves ({@link HttpSettings#defaults()},
 * the file store's own directory checks), so nothing is restated here.
 *
 * <pre>{@code
 * new AdapterSettings(HttpSettings.defaults(), new AdapterSettings.Store.Directory(dir, Optional.empty()))
 * }</pre>
 *
 * @param http  the settings of the Domain API lookup and the Login Service gateway
 * @param store where sessions are kept
 */
public record AdapterSettings(HttpSettings http, Store store) {

    public AdapterSettings {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(store, "store");
    }

    /**
     * Where sessions are kept: a directory of files, a Redis shared by a fleet, or memory only (gone when the
     * process ends).
     */
    public sealed interface Store {

        /** Sessions live only as long as the process. */
        record Memory() implements Store {
            @Override
            public String toString() {
                return "memory";
            }
        }

        /**
         * Sessions are files in {@code directory}, sealed with {@code key} if one is given, else plaintext files
         * readable by their owner only.
         */
        record Directory(Path directory, Optional<EncryptionKey> key) implements Store {
            public Directory {
                Objects.requireNonNull(directory, "directory");
                Objects.requireNonNull(key, "key (use Optional.empty())");
            }

            /** The directory only: this is what users are shown. */
            @Override
            public String toString() {
                return directory.toString();
            }
        }

        /**
         * Sessions are in the Redis of {@code settings}, shared by every process configured with it (fleet mode,
         * docs/fleet.md). Its clock is replaced by the core's.
         */
        record Redis(RedisStoreSettings settings) implements Store {
            public Redis {
                Objects.requireNonNull(settings, "settings");
            }

            /** The URL without its password: this is what users are shown. */
            @Override
            public String toString() {
                return settings.endpoint().toString();
            }
        }
    }
}
