package dev.lplogin.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.StoreException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store tied to a Domain API base keeps the sessions obtained through it apart from those of any other base: one
 * directory may hold sessions of LivePerson, an emulator and a test environment, and none is handed to a client of
 * another.
 */
class DomainApiTieTest {

    private static final SessionKey ALICE = SessionKey.of("12345678", "alice");
    private static final URI EMULATOR_A = URI.create("https://127.0.0.1:41001");
    private static final URI EMULATOR_B = URI.create("https://127.0.0.1:41002");

    @TempDir
    Path scratch;

    @Test
    void a_session_stored_through_one_domain_api_is_not_handed_to_a_client_of_another() {
        FileTokenStore untied = FileTokenStore.open(scratch.resolve("store"), InstantSource.system());
        FileTokenStore a = untied.forDomainApi(EMULATOR_A);
        FileTokenStore b = untied.forDomainApi(EMULATOR_B);
        a.save(StoreWorker.small(ALICE, 1), 0);

        assertThat(b.load(ALICE)).isEmpty();
        assertThat(untied.load(ALICE)).isEmpty();
        assertThat(b.list()).isEmpty();
        assertThat(untied.list()).isEmpty();
        assertThat(a.load(ALICE)).contains(StoreWorker.small(ALICE, 1).withVersion(1));
        assertThat(untied.forDomainApi(URI.create("HTTPS://127.0.0.1:41001/")).load(ALICE))
                .as("one base, however spelled").isPresent();

        b.save(StoreWorker.small(ALICE, 2), 0);
        assertThat(a.list()).extracting(Session::userId).containsExactly("count-1");
        assertThat(b.list()).extracting(Session::userId).containsExactly("count-2");
    }

    @Test
    void a_sealed_record_copied_to_another_domain_apis_name_does_not_open() throws Exception {
        EncryptionKey key = EncryptionKey.generate();
        FileTokenStore sealed = FileTokenStore.open(scratch.resolve("store"), key, InstantSource.system());
        FileTokenStore a = sealed.forDomainApi(EMULATOR_A);
        FileTokenStore b = sealed.forDomainApi(EMULATOR_B);
        a.save(StoreWorker.small(ALICE, 1), 0);
        Path aFile = a.directory().resolve(new RecordCodec(Optional.empty(), Optional.of(EMULATOR_A)).nameOf(ALICE)
                + ".json");
        Path bFile = b.directory().resolve(new RecordCodec(Optional.empty(), Optional.of(EMULATOR_B)).nameOf(ALICE)
                + ".json");
        String aRecord = Files.readString(aFile);
        Files.writeString(bFile, aRecord.replace(EMULATOR_A.toString(), EMULATOR_B.toString()));

        assertThatThrownBy(() -> b.load(ALICE)).isInstanceOf(StoreException.class)
                .hasMessageContaining("failed authentication");
        Files.copy(aFile, bFile, StandardCopyOption.REPLACE_EXISTING);
        assertThat(b.load(ALICE)).as("moved aside as not ours, never adopted").isEmpty();
    }
}
