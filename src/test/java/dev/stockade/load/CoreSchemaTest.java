package dev.stockade.load;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/** The hand-written core schema against the YAML library's regular expressions, and its spellings. */
class CoreSchemaTest {
    private static final ScalarResolver LIBRARY = new org.snakeyaml.engine.v2.schema.CoreSchema().getScalarResolver();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|null", "~|null", "null|null", "Null|null", "NULL|null", "nULL|str", "none|str",
        "true|bool", "True|bool", "TRUE|bool", "false|bool", "tRUE|str", "yes|str", "on|str",
        "0|int", "-12|int", "+3|int", "0x1F|int", "0o17|int", "0o8|str", "0x|str", "0xG|str", "012|int",
        "1.5|float", "1.|float", ".5|float", "-.5|float", "1e3|float", "1E-3|float", "1.5e+3|float", "e3|str",
        ".|str", "1e|str", ".inf|float", "-.Inf|float", "+.INF|float", ".NaN|float", "-.nan|str",
        "1.2.3|str", "8080/TCP|str", "<<|merge", "<|str", "${IMAGE}|str", "name|str"})
    void resolve_spellings(String value, String tag) {
        assertThat(CoreSchema.resolve(value, true)).isEqualTo(new Tag(Tag.PREFIX + tag));
        assertThat(CoreSchema.resolve(value, false)).as("quoted").isEqualTo(Tag.STR);
    }

    @Property(tries = 3000)
    void resolve_agreesWithTheLibrarysPatterns(@ForAll("scalars") String value) {
        Tag library = LIBRARY.resolve(value, true);
        Tag expected = library.equals(Tag.ENV_TAG) ? Tag.STR : library;
        assertThat(CoreSchema.resolve(value, true)).as(value).isEqualTo(expected);
    }

    /** Short strings over the characters the core schema's forms are made of. */
    @Provide
    Arbitrary<String> scalars() {
        Arbitrary<String> random = Arbitraries.strings().withChars("0123456789+-.eExXoOaAfFnNiIlLtTrRuUsS~<${} _")
                .ofMinLength(0).ofMaxLength(7);
        Arbitrary<String> words = Arbitraries.of("null", "Null", "NULL", "true", "True", "False", ".inf", ".NaN",
                "-.inf", "0x", "0o", "1e", "1.", "<<", "${A}", "~");
        return Arbitraries.oneOf(random, words, Arbitraries.strings().withChars("0123456789.eE+-xo")
                .ofMinLength(1).ofMaxLength(6));
    }
}
