package dev.stockade.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a delta script becomes the one line that {@code nft -i} takes as one transaction. */
class NftSessionTest {
    @Test
    void oneLine_joinsStatementsBySemicolon_butKeepsWrappedListsAndBlocksTogether() {
        String script = """
                # a comment line is left out
                add set inet stockade s_v6 {
                    type ipv6_addr; flags interval
                    elements = { ::-fcff::, fd00::2-fd00::4,
                                 fd00::6 }
                }
                flush chain inet stockade c

                add rule inet stockade c drop comment "egress isolated"
                """;
        assertThat(NftSession.oneLine(script)).isEqualTo("add set inet stockade s_v6 { type ipv6_addr; flags interval;"
                + " elements = { ::-fcff::, fd00::2-fd00::4, fd00::6 }; }; flush chain inet stockade c;"
                + " add rule inet stockade c drop comment \"egress isolated\"");
    }
}
