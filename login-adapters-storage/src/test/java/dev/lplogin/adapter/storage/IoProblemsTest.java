package dev.lplogin.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File problems are told in words, never by the JDK's exception class (they end up in one-line CLI errors). */
class IoProblemsTest {

    @Test
    void each_kind_of_file_problem_is_described_in_words() {
        assertThat(IoProblems.describe(new AccessDeniedException("/x/y"))).isEqualTo("permission denied: /x/y");
        assertThat(IoProblems.describe(new NoSuchFileException("/x/y"))).isEqualTo("no such file or directory: /x/y");
        assertThat(IoProblems.describe(new FileSystemException("/x", null, "No space left on device")))
                .isEqualTo("No space left on device: /x");
        assertThat(IoProblems.describe(new IOException())).isEqualTo("an input/output error");
    }

    @Test
    void a_real_failure_names_the_file_and_no_class(@TempDir Path dir) {
        try {
            Files.readString(dir.resolve("missing"));
        } catch (IOException e) {
            assertThat(IoProblems.describe(e)).contains("missing").doesNotContain("Exception");
            return;
        }
        throw new AssertionError("reading a missing file succeeded");
    }
}
