package dev.stockade.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditDistanceTest {
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        "'', '', 0",
        "'', abc, 3",
        "abc, '', 3",
        "podSelector, podSelector, 0",
        "podSelectr, podSelector, 1",
        "podselector, podSelector, 1",
        "podSelcetor, podSelector, 1",
        "ingres, ingress, 1",
        "igres, ingress, 2",
        "kitten, sitting, 3",
        "ca, abc, 3",
    })
    void between_countsInsertionsDeletionsSubstitutionsAndAdjacentSwapsAsOneEditEach(String a, String b, int edits) {
        assertThat(EditDistance.between(a, b)).isEqualTo(edits);
        assertThat(EditDistance.between(b, a)).isEqualTo(edits);
    }

    @Test
    void oneEditAway_insertionDeletionSubstitutionSwapAndCase_areOneEdit() {
        List<String> labels = List.of("frontend", "backend", "Web");

        assertThat(EditDistance.oneEditAway("frontnd", labels)).contains("frontend");
        assertThat(EditDistance.oneEditAway("frontendd", labels)).contains("frontend");
        assertThat(EditDistance.oneEditAway("frontand", labels)).contains("frontend");
        assertThat(EditDistance.oneEditAway("fornted", labels)).isEmpty();
        assertThat(EditDistance.oneEditAway("backedn", labels)).contains("backend");
        assertThat(EditDistance.oneEditAway("web", labels)).contains("Web");
        assertThat(EditDistance.oneEditAway("frontend", labels)).isEmpty();
    }

    @Test
    void oneEditAway_ties_takeTheFirstInSortOrder() {
        assertThat(EditDistance.oneEditAway("ab", List.of("ac", "aa", "xb"))).contains("aa");
    }
}
