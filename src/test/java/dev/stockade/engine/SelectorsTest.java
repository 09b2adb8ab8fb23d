package dev.stockade.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.model.LabelSelector;
import dev.stockade.model.LabelSelector.Operator;
import dev.stockade.model.LabelSelector.Requirement;
import dev.stockade.model.Labels;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Truth table of label selector semantics: one requirement against three label sets. */
class SelectorsTest {
    private static final Labels WEB = Labels.of("app", "web", "tier", "frontend");
    private static final Labels DB = Labels.of("app", "db");
    private static final Labels NONE = Labels.EMPTY;

    @ParameterizedTest(name = "{0} {1} {2} -> web {3}, db {4}, none {5}")
    @CsvSource({
        "tier, In, frontend, true, false, false",
        "tier, In, frontend|backend, true, false, false",
        "tier, NotIn, frontend, false, true, true",
        "tier, NotIn, backend, true, true, true",
        "tier, Exists, '', true, false, false",
        "tier, DoesNotExist, '', false, true, true",
        "app, In, web|db, true, true, false",
        "app, NotIn, web|db, false, false, true",
    })
    void requirement_truthTable(String key, Operator op, String values, boolean web, boolean db, boolean none) {
        List<String> v = values.isEmpty() ? List.of() : List.of(values.split("\\|"));
        LabelSelector s = new LabelSelector(new TreeMap<>(), List.of(new Requirement(key, op, v)));

        assertThat(Selectors.matches(s, WEB)).isEqualTo(web);
        assertThat(Selectors.matches(s, DB)).isEqualTo(db);
        assertThat(Selectors.matches(s, NONE)).isEqualTo(none);
    }

    @ParameterizedTest
    @CsvSource({"app, web, true, false", "app, '', false, false", "tier, frontend, true, false"})
    void matchLabels_needsKeyAndEqualValue(String key, String value, boolean web, boolean db) {
        LabelSelector s = LabelSelector.matchLabels(Map.of(key, value));
        assertThat(Selectors.matches(s, WEB)).isEqualTo(web);
        assertThat(Selectors.matches(s, DB)).isEqualTo(db);
    }

    @org.junit.jupiter.api.Test
    void emptySelector_matchesEverything_andRequirementsAreAnded() {
        assertThat(Selectors.matches(LabelSelector.all(), NONE)).isTrue();
        LabelSelector both = new LabelSelector(new TreeMap<>(Map.of("app", "web")),
                List.of(new Requirement("tier", Operator.NotIn, List.of("frontend"))));
        assertThat(Selectors.matches(both, WEB)).isFalse();
        assertThat(both).hasToString("app=web,tier notin (frontend)");
    }
}
