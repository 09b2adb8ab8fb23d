package dev.stockade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.lab.Lab;
import dev.stockade.lab.LabReport;
import dev.stockade.model.IpAddress;
import dev.stockade.model.Labels;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The lab's text output with a hostile name (the loader refuses such names; this is the defence
 * behind it): no raw control character, and one line per pod or pair.
 */
@Tag("hostile")
class LabTextTest {
    private static final String HOSTILE = "web\n# forged\u001b[2J\u202e";

    private static Lab.LabPod pod(String name, String ip) {
        return new Lab.LabPod(Pod.of("shop", name, Labels.EMPTY), "stklab-0-" + name, "veth0",
                List.of(IpAddress.parse(ip).orElseThrow()));
    }

    @Test
    void upText_hostileName_staysOnItsLineEscaped() {
        String text = LabCommand.upText(List.of("note\u0007"), List.of(pod(HOSTILE, "10.250.0.1")));
        assertThat(text).isEqualTo("# note\\u0007\n"
                + "shop/web\\u000a# forged\\u001b[2J\\u202e  stklab-0-web\\u000a# forged\\u001b[2J\\u202e  [10.250.0.1]"
                + "  via " + Lab.ROUTER + "/veth0\n"
                + "# lab up: 1 pods; stockade lab down removes it\n");
    }

    @Test
    void probeText_hostileName_hasNoRawControlCharacter() {
        Lab.LabPod a = pod("a\u001b]0;x\u0007", "10.250.0.1");
        Lab.LabPod b = pod("b", "10.250.0.2");
        LabReport r = new LabReport(List.of(a, b), List.of(new Lab.Probe(a, b, IpAddress.parse("10.250.0.2").orElseThrow(),
                Protocol.TCP, 80, true)), List.of(), 1, 2, 3);
        String text = LabCommand.probeText(r);
        assertThat(text.lines().findFirst().orElseThrow()).isEqualTo("shop/a\\u001b]0;x\\u0007 -> shop/b  TCP/80");
        assertThat(text.chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
    }
}
