package dev.stockade.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    @Test
    void closest_equallyCloseNames_picksFirstByNameWhateverTheOrder() {
        assertThat(Suggestions.closest("pot", List.of("port", "pod"))).contains("pod");
        assertThat(Suggestions.closest("pot", List.of("pod", "port"))).contains("pod");
    }

    @Test
    void closest_tooFar_suggestsNothing() {
        assertThat(Suggestions.closest("selector", List.of("port", "pod"))).isEmpty();
    }
}
