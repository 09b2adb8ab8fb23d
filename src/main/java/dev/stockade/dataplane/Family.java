package dev.stockade.dataplane;

import dev.stockade.model.IpAddress;

/** An address family of the {@code inet} table: its match keyword and its set key type. */
public enum Family {
    V4("ip", "ipv4_addr"), V6("ip6", "ipv6_addr");

    private final String keyword;
    private final String type;

    Family(String keyword, String type) {
        this.keyword = keyword;
        this.type = type;
    }

    /** {@code ip} or {@code ip6}, as in {@code ip saddr}. */
    public String keyword() {
        return keyword;
    }

    /** {@code ipv4_addr} or {@code ipv6_addr}. */
    public String type() {
        return type;
    }

    /** {@code v4} or {@code v6}, the suffix of set and map names. */
    public String suffix() {
        return this == V4 ? "v4" : "v6";
    }

    public static Family of(IpAddress a) {
        return a.v6() ? V6 : V4;
    }
}
