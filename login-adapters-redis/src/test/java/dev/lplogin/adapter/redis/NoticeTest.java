package dev.lplogin.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The notice line: what a save publishes and what a reader accepts. */
class NoticeTest {

    private static final String STORE = "5b0c9e1f2a3d4c5b";
    private static final String HASH = RedisKeys.hash(TestSessions.ALICE);

    @Test
    void a_notice_is_its_format_the_store_the_key_hash_and_the_version() {
        Notice notice = new Notice(STORE, HASH, 7);

        assertThat(notice.line()).isEqualTo("1 " + STORE + " " + HASH + " 7")
                .isEqualTo(Notice.head(STORE, HASH) + " " + 7);
        assertThat(Notice.parse(notice.line())).contains(notice);
        assertThat(Notice.parse(Notice.head(STORE, HASH) + " 123456789012345678")).map(Notice::version)
                .contains(123_456_789_012_345_678L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1 5b0c9e1f2a3d4c5b", "2 5b0c9e1f2a3d4c5b %s 7", "1 5b0c9e1f2a3d4c5b %s 0",
            "1 5b0c9e1f2a3d4c5b %s -1", "1 5b0c9e1f2a3d4c5b %s 7 extra", "1  5b0c9e1f2a3d4c5b %s 7",
            "1 5B0C9E1F2A3D4C5B %s 7", "1 5b0c %s 7", "1 5b0c9e1f2a3d4c5b alice 7", "1 5b0c9e1f2a3d4c5b %s 7\n",
            "1 5b0c9e1f2a3d4c5b %s 99999999999999999999", "1 5b0c9e1f2a3d4c5b %s 007"})
    void anything_else_is_not_a_notice_and_is_ignored(String template) {
        assertThat(Notice.parse(template.formatted(HASH))).isEmpty();
    }

    @Test
    void a_notice_cannot_be_made_of_other_parts() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Notice("store", HASH, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Notice(STORE, "alice", 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Notice(STORE, HASH, 0));
    }
}
