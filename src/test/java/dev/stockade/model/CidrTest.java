package dev.stockade.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @ParameterizedTest
    @CsvSource({"10.0.0.1/8, 10.0.0.0/8", "10.0.0.0/32, 10.0.0.0/32", "0.0.0.0/0, 0.0.0.0/0",
        "fd00::1/64, fd00::/64", "::/0, ::/0", "FD00::/8, fd00::/8"})
    void parse_normalisesHostBitsLikeTheApi(String in, String canonical) {
        assertThat(Cidr.parse(in).map(Cidr::toString)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8/8", "fd00::/129",
        "10.0.0.0/ 8", "/8", "10.0.0/8", "10.0.0.0/0008"})
    void parse_invalid_isEmpty(String in) {
        assertThat(Cidr.parse(in)).isEmpty();
    }

    @Test
    void contains_addressesAndBlocks() {
        Cidr c = Cidr.of("10.1.0.0/16");
        assertThat(c.contains(IpAddress.parse("10.1.255.255").orElseThrow())).isTrue();
        assertThat(c.contains(IpAddress.parse("10.2.0.0").orElseThrow())).isFalse();
        assertThat(c.contains(IpAddress.parse("::a01:0").orElseThrow())).isFalse();
        assertThat(c.contains(Cidr.of("10.1.2.0/24"))).isTrue();
        assertThat(c.contains(Cidr.of("10.0.0.0/8"))).isFalse();
        assertThat(c.contains(Cidr.of("fd00::/120"))).isFalse();
    }

    @Test
    void ipBlock_except_carvesHoles() {
        IpBlock b = IpBlock.of("10.0.0.0/8", "10.1.0.0/16");
        assertThat(b.contains(IpAddress.parse("10.0.255.255").orElseThrow())).isTrue();
        assertThat(b.contains(IpAddress.parse("10.1.0.0").orElseThrow())).isFalse();
        assertThat(b.contains(IpAddress.parse("10.2.0.0").orElseThrow())).isTrue();
        assertThat(b.toString()).isEqualTo("10.0.0.0/8 except 10.1.0.0/16");
    }
}
