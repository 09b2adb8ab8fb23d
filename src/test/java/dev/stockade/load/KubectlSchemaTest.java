package dev.stockade.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Plain scalars as kubectl reads them (go-yaml v2 under sigs.k8s.io/yaml, YAML 1.1), each with
 * the value kubectl sends as JSON, next to the YAML 1.2 core schema's reading of the same text.
 */
class KubectlSchemaTest {
    private static String reading(String text) {
        Tag tag = KubectlSchema.resolve(text, true);
        String name = tag.getValue().substring(Tag.PREFIX.length());
        if (tag.equals(Tag.STR) || tag.equals(Tag.NULL)) {
            return name;
        }
        return name + " " + KubectlJson.value(new ScalarNode(tag, text, ScalarStyle.PLAIN));
    }

    @ParameterizedTest(name = "{0} is {1} (YAML 1.2: {2})")
    @CsvSource(delimiter = '|', value = {
        // booleans: YAML 1.1 spellings, in three cases each
        "y|bool true|str", "Y|bool true|str", "yes|bool true|str", "Yes|bool true|str", "YES|bool true|str",
        "on|bool true|str", "On|bool true|str", "ON|bool true|str",
        "true|bool true|bool", "True|bool true|bool", "TRUE|bool true|bool",
        "n|bool false|str", "N|bool false|str", "no|bool false|str", "No|bool false|str", "NO|bool false|str",
        "off|bool false|str", "Off|bool false|str", "OFF|bool false|str",
        "false|bool false|bool", "False|bool false|bool", "FALSE|bool false|bool",
        "yES|str|str", "oN|str|str", "tRUE|str|str", "ok|str|str", "nil|str|str", "none|str|str",
        // null
        "''|null|null", "~|null|null", "null|null|null", "Null|null|null", "NULL|null|null", "nULL|str|str",
        // integers: Go's syntax, underscores dropped, a leading 0 is octal
        "0|int 0|int", "-0|int 0|int", "+12|int 12|int", "-12|int -12|int", "80|int 80|int",
        "0755|int 493|int", "0443|int 291|int", "0080|float 80|int", "007|int 7|int", "-010|int -8|int",
        "0o17|int 15|int", "0O17|int 15|str", "0x1F|int 31|int", "0X1F|int 31|str", "-0x1F|int -31|str",
        "0b101|int 5|str", "0B101|int 5|str", "-0b11|int -3|str", "0b-11|int -3|str",
        "1_000|int 1000|str", "1__0|int 10|str", "0x_ff|int 255|str",
        "9223372036854775807|int 9223372036854775807|int", "18446744073709551615|int 18446744073709551615|int",
        // floats: 08 and 09 are not octal, so they are floats; too large for an integer, a float
        "08|float 8|int", "0808|float 808|int", "09.5|float 9.5|float", "1.5|float 1.5|float", "1.|float 1|float",
        ".5|float 0.5|float", "-.5|float -0.5|float", "1e3|float 1000|float", "1E-3|float 0.001|float",
        "1_0.5|float 10.5|str", "1e-7|float 1e-7|float", "1e21|float 1e+21|float",
        "18446744073709551616|float 18446744073709552000|int", "-9223372036854775809|float -9223372036854776000|int",
        ".inf|float .inf|float", "+.Inf|float +.Inf|float", "-.INF|float -.INF|float", ".NaN|float .NaN|float",
        // strings
        "-.nan|str|str", "1e400|str|float", ".5_0|str|str", "0x|str|str", "0b|str|str", "0b2|str|str",
        "0x10000000000000000|str|int", "_1|str|str", "-|str|str", "+|str|str", ".|str|str", "1e|str|str",
        "2024-01-02|str|str", "2001-12-14t21:59:43.10-05:00|str|str", "8080/TCP|str|str", "<<|str|merge",
        "${IMAGE}|str|str", "1.2.3|str|str", "0xG|str|str", "web|str|str"})
    void resolve_spellingsAsKubectlReadsThem(String text, String kubectl, String yaml12) {
        assertThat(reading(text)).isEqualTo(kubectl);
        assertThat(CoreSchema.resolve(text, true).getValue()).isEqualTo(Tag.PREFIX + yaml12);
        assertThat(KubectlSchema.resolve(text, false)).as("quoted").isEqualTo(Tag.STR);
    }

    @ParameterizedTest(name = "key {0} is named {1}")
    @CsvSource(delimiter = '|', value = {"on|true", "no|false", "0755|493", "0x10|16", "80|80", "1.0|1", "1.5|1.5",
        "1e6|1e+06", "123456|123456", "0.0001|0.0001", "0.00001|1e-05", ".inf|.inf", "-.inf|-.inf", ".nan|.nan",
        "app|app", "~|", "''|"})
    void key_namedAsKubectlNamesIt(String text, String name) {
        ScalarNode key = new ScalarNode(KubectlSchema.resolve(text, true), text, ScalarStyle.PLAIN);
        assertThat(KubectlJson.key(key)).isEqualTo(name);
    }
}
