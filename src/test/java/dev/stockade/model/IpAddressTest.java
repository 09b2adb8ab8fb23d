package dev.stockade.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    @ParameterizedTest
    @CsvSource({
        "0.0.0.0, 0.0.0.0",
        "10.0.0.1, 10.0.0.1",
        "255.255.255.255, 255.255.255.255",
        "::, ::",
        "::1, ::1",
        "1::, 1::",
        "fd00::1, fd00::1",
        "FD00:0:0:0:0:0:0:1, fd00::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:0db8:0000:0000:0000:ff00:0042:8329, 2001:db8::ff00:42:8329",
        "1:0:1:0:1:0:1:0, 1:0:1:0:1:0:1:0",
        "::ffff:0:0, ::ffff:0:0",
        "::ffff:10.0.0.1, ::ffff:a00:1",
    })
    void parse_thenToString_isTheCanonicalSpelling(String in, String canonical) {
        assertThat(IpAddress.parse(in)).hasValueSatisfying(a -> assertThat(a.toString()).isEqualTo(canonical));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0", "10.0.0.256", "10.0.0.1.2", "1.2.3.-4", "01234.1.1.1", "a.b.c.d",
        "fd00::g", "1:2:3:4:5:6:7:8:9", "example.com", "10.0.0.1/8", ":::"})
    void parse_invalid_isEmpty(String in) {
        assertThat(IpAddress.parse(in)).isEmpty();
    }

    @Property(tries = 300)
    void v6_roundTripsThroughTheJdk(@ForAll @Size(16) byte[] bytes) throws Exception {
        String jdk = InetAddress.getByAddress(bytes).getHostAddress();
        IpAddress a = IpAddress.parse(jdk).orElseThrow();

        assertThat(InetAddress.getByName(a.toString()).getAddress()).isEqualTo(bytes);
        assertThat(IpAddress.parse(a.toString())).contains(a);
    }

    @ParameterizedTest
    @CsvSource({
        "10.1.2.3, 8, 10.0.0.0, 10.255.255.255",
        "10.1.2.3, 32, 10.1.2.3, 10.1.2.3",
        "10.1.2.3, 0, 0.0.0.0, 255.255.255.255",
        "fd00::1:2, 64, fd00::, fd00::ffff:ffff:ffff:ffff",
        "fd00::1:2, 63, fd00::, fd00::1:ffff:ffff:ffff:ffff",
        "fd00::1:2, 128, fd00::1:2, fd00::1:2",
        "fd00::1:2, 0, ::, ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
    })
    void maskAndFill_giveTheBlockEnds(String ip, int prefix, String first, String last) {
        IpAddress a = IpAddress.parse(ip).orElseThrow();
        assertThat(a.maskTo(prefix).toString()).isEqualTo(first);
        assertThat(a.fillFrom(prefix).toString()).isEqualTo(last);
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.255, 10.0.1.0", "::ffff:ffff:ffff:ffff, 0:0:0:1::", "::, ::1"})
    void next_carries(String ip, String next) {
        IpAddress a = IpAddress.parse(ip).orElseThrow();
        assertThat(a.next().toString()).isEqualTo(next);
        assertThat(a.next().previous()).isEqualTo(a);
    }

    @Property(tries = 200)
    void compareTo_ordersLikeUnsignedNumbers(@ForAll long a, @ForAll long b) {
        IpAddress x = new IpAddress(true, a, 0);
        IpAddress y = new IpAddress(true, b, 0);
        assertThat(Integer.signum(x.compareTo(y))).isEqualTo(Integer.signum(Long.compareUnsigned(a, b)));
    }

    @org.junit.jupiter.api.Test
    void ipv4_sortsBeforeIpv6() {
        assertThat(IpAddress.V4_MAX.compareTo(IpAddress.V6_MIN)).isNegative();
        assertThat(IpAddress.V4_MAX.isFamilyMax()).isTrue();
        assertThat(IpAddress.V6_MAX.isFamilyMax()).isTrue();
    }
}
