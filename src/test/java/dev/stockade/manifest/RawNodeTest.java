package dev.stockade.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockade.model.Source;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A mapping as written keeps its fields in written order, finds them by name, and cannot be changed. */
class RawNodeTest {
    private static RawNode mapping(int fields) {
        Map<String, RawNode> values = new LinkedHashMap<>();
        Map<String, Source> keys = new LinkedHashMap<>();
        for (int i = fields; i > 0; i--) {
            values.put("f" + i, RawNode.scalar("v" + i, new Source("m.yaml", i, 5)));
            keys.put("f" + i, new Source("m.yaml", i, 1));
        }
        return RawNode.mapping(values, keys, new Source("m.yaml", 1, 1));
    }

    @Test
    void mapping_fewFields_keepsWrittenOrderAndFindsByName() {
        RawNode m = mapping(3);

        assertThat(m.fields().keySet()).containsExactly("f3", "f2", "f1");
        assertThat(m.string("f2")).contains("v2");
        assertThat(m.keySource("f2")).contains(new Source("m.yaml", 2, 1));
        assertThat(m.field("f9")).isEmpty();
        assertThat(m.fields()).containsEntry("f1", m.field("f1").orElseThrow()).doesNotContainKey("f9");
        assertThat(m).hasToString("{f3=v3, f2=v2, f1=v1}");
    }

    @Test
    void mapping_manyFields_findsEveryOneByName() {
        RawNode m = mapping(40);

        assertThat(m.fields()).hasSize(40);
        assertThat(m.fields().keySet()).startsWith("f40", "f39");
        for (int i = 1; i <= 40; i++) {
            assertThat(m.string("f" + i)).contains("v" + i);
            assertThat(m.keySource("f" + i)).contains(new Source("m.yaml", i, 1));
        }
        assertThat(m.field("f41")).isEmpty();
    }

    @Test
    void fields_cannotBeChanged() {
        RawNode m = mapping(2);

        assertThatThrownBy(() -> m.fields().put("x", m)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.fields().entrySet().iterator().remove())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(RawNode.scalar("x", Source.UNKNOWN).fields()).isEmpty();
    }
}
