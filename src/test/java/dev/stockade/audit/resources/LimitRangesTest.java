package dev.stockade.audit.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.audit.AuditContext;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which container defaults a LimitRange item gives, after the API's defaulting of its fields. */
class LimitRangesTest {
    /** Rows: the field the item sets (memory); columns: requests.memory, limits.memory defaulted. */
    @Test
    void defaults_followSetDefaultsLimitRangeItem() {
        String expected = """
                default         X X
                defaultRequest  X .
                max             X X
                min             X .
                maxLimitRequestRatio . .
                """;
        StringBuilder actual = new StringBuilder();
        for (String field : List.of("default", "defaultRequest", "max", "min", "maxLimitRequestRatio")) {
            String yaml = """
                    apiVersion: v1
                    kind: LimitRange
                    metadata: {name: lr, namespace: shop}
                    spec:
                      limits:
                      - type: Container
                        %s: {memory: 1Gi}
                      - type: Pod
                        max: {cpu: "4"}
                    """.formatted(field);
            LoadResult r = Loader.loadString("lr.yaml", yaml, true);
            LimitRanges lr = new LimitRanges(new AuditContext(r.cluster(), r.manifests(), AnalysisOptions.DEFAULT));
            List<String> cells = new ArrayList<>();
            for (String f : List.of("requests.memory", "limits.memory")) {
                cells.add(lr.defaults("shop", f) ? "X" : ".");
            }
            assertThat(lr.defaults("shop", "limits.cpu")).as("a Pod item gives no container default").isFalse();
            assertThat(lr.defaults("other", "requests.memory")).isFalse();
            actual.append(String.format("%-15s ", field)).append(String.join(" ", cells)).append('\n');
        }
        assertThat(actual.toString()).isEqualTo(expected);
    }
}
