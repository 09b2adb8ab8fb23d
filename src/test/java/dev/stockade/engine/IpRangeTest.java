package dev.stockade.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.model.IpAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpRangeTest {

    @ParameterizedTest
    @CsvSource({
        "0.0.0.0, 255.255.255.255, 0.0.0.0/0",
        "10.0.0.0, 10.255.255.255, 10.0.0.0/8",
        "192.168.100.10, 192.168.100.10, 192.168.100.10/32",
        "0.0.0.0, 192.168.100.9, 0.0.0.0-192.168.100.9",
        "10.0.0.1, 10.0.0.2, 10.0.0.1-10.0.0.2",
        ":: , ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, ::/0",
        "fd00::, fd00::ff, fd00::/120",
    })
    void toString_isTheCidrWhenExactlyOneBlock(String start, String end, String spelled) {
        IpRange r = new IpRange(IpAddress.parse(start.trim()).orElseThrow(), IpAddress.parse(end).orElseThrow());
        assertThat(r).hasToString(spelled);
        assertThat(r.contains(r.start())).isTrue();
        assertThat(r.contains(r.end())).isTrue();
    }
}
