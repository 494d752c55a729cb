package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void objects_keep_field_order_and_render_every_value_kind() {
        String json = Json.object().put("s", "x").put("n", 42).put("l", 7L).put("b", true).put("none", null)
                .put("empty", Optional.empty()).put("some", Optional.of("y"))
                .put("at", Instant.parse("2026-01-02T03:04:05Z"))
                .put("list", List.of(1, "two")).put("map", Map.of("k", "v"))
                .put("nested", Json.object().put("a", 1)).toString();

        assertThat(json).isEqualTo("{\"s\":\"x\",\"n\":42,\"l\":7,\"b\":true,\"none\":null,\"empty\":null,"
                + "\"some\":\"y\",\"at\":\"2026-01-02T03:04:05Z\",\"list\":[1,\"two\"],\"map\":{\"k\":\"v\"},"
                + "\"nested\":{\"a\":1}}");
    }

    @Test
    void strings_are_escaped() {
        assertThat(Json.render("q\" b\\ n\n t\t c\u0001 ü"))
                .isEqualTo("\"q\\\" b\\\\ n\\n t\\t c\\u0001 ü\"");
    }
}
