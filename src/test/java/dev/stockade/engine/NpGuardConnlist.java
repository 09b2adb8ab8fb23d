package dev.stockade.engine;

import dev.stockade.model.IpAddress;
import dev.stockade.model.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A connectivity list in the normal form that np-guard's published lists and Stockade's analysis
 * are compared in: for every ordered pair of endpoints, the (protocol, port) pairs allowed, plus
 * the named ports np-guard prints when it could not resolve them.
 *
 * <p>Endpoints are spelled as np-guard spells them: a workload {@code ns/name[Kind]}, the ingress
 * controller {@code {ingress-controller}} (one endpoint, as Stockade models it), and external
 * addresses. External addresses are kept
 * as IPv4 ranges (np-guard models IPv4 only, so Stockade's IPv6 ranges are left out) and, before
 * two lists are compared, both are cut along the union of their range bounds
 * ({@link #refinedWith}), so that "0.0.0.0-255.255.255.255" on one side and two halves on the
 * other compare equal when they allow the same.
 *
 * @param ports the allowed (protocol, port) pairs per pair {@code src => dst}; never empty
 * @param namedPorts the unresolved named ports per pair ({@code UDP newport}), np-guard only
 */
record NpGuardConnlist(Map<String, PortSet> ports, Map<String, TreeSet<String>> namedPorts) {
    static final String ARROW = " => ";
    private static final Pattern LINE = Pattern.compile("(.+?) => (.+?) : (.+)");
    private static final Pattern RANGE = Pattern.compile("[0-9.]+(-[0-9.]+|/[0-9]+)?");

    /** Reads np-guard's txt connlist ({@code src => dst : conns}, one per line). */
    static NpGuardConnlist parse(String text) {
        Map<String, PortSet> ports = new TreeMap<>();
        Map<String, TreeSet<String>> named = new TreeMap<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a connlist line: " + line);
            }
            for (String src : endpoints(m.group(1))) {
                for (String dst : endpoints(m.group(2))) {
                    String key = src + ARROW + dst;
                    readConns(m.group(3), key, ports, named);
                }
            }
        }
        return new NpGuardConnlist(ports, named);
    }

    /** Stockade's analysis in the same form (workloads as {@code ns/name[Kind]}, IPv4 ranges only). */
    static NpGuardConnlist of(Connectivity c) {
        Map<String, PortSet> ports = new TreeMap<>();
        for (Connection conn : c.connections()) {
            String src = name(conn.src());
            String dst = name(conn.dst());
            if (src != null && dst != null) {
                ports.merge(src + ARROW + dst, conn.allowed(), PortSet::union);
            }
        }
        return new NpGuardConnlist(ports, new TreeMap<>());
    }

    private static String name(Endpoint e) {
        return switch (e) {
            case Endpoint.WorkloadEndpoint w -> w.workload().namespace() + "/" + w.workload().name()
                    + "[" + w.workload().kind() + "]";
            case Endpoint.ControllerEndpoint ignored -> IngressController.ID;
            case Endpoint.ExternalEndpoint x -> x.range().start().v6() ? null
                    : x.range().start() + "-" + x.range().end();
        };
    }

    /**
     * {@code a.b.c.d-e.f.g.h}, a CIDR, one address, or several of them joined by commas (some
     * np-guard versions add {@code [External]}); the ingress controller, which some np-guard
     * versions split into {@code {ingress-nginx}} and {@code {openshift-ingress-operator}} (read
     * as one {@code {ingress-controller}}, the union of both); else the name itself.
     */
    private static List<String> endpoints(String endpoint) {
        if (endpoint.equals("{ingress-nginx}") || endpoint.equals("{openshift-ingress-operator}")) {
            return List.of(IngressController.ID);
        }
        String s = endpoint.endsWith("[External]") ? endpoint.substring(0, endpoint.length() - "[External]".length())
                : endpoint;
        List<String> out = new ArrayList<>();
        for (String part : s.split(",")) {
            if (!RANGE.matcher(part).matches()) {
                return List.of(endpoint);
            }
            IpRange r = range(part);
            out.add(r.start() + "-" + r.end());
        }
        return out;
    }

    private static IpRange range(String s) {
        int dash = s.indexOf('-');
        if (dash > 0) {
            return new IpRange(ip(s.substring(0, dash)), ip(s.substring(dash + 1)));
        }
        int slash = s.indexOf('/');
        if (slash > 0) {
            IpAddress a = ip(s.substring(0, slash));
            int len = Integer.parseInt(s.substring(slash + 1));
            return new IpRange(a.maskTo(len), a.fillFrom(len));
        }
        return new IpRange(ip(s), ip(s));
    }

    private static IpAddress ip(String s) {
        return IpAddress.parse(s).orElseThrow(() -> new IllegalArgumentException("not an address: " + s));
    }

    /**
     * np-guard's connection text: {@code All Connections}, {@code No Connections}, {@code All
     * but: <items>}, or comma-separated items where an item starting with a protocol name
     * switches the protocol ({@code TCP 1-65535,UDP 53}, {@code SCTP 8956,9090,not-found,UDP newport}).
     */
    private static void readConns(String conns, String key, Map<String, PortSet> ports, Map<String, TreeSet<String>> named) {
        if (conns.equals("All Connections")) {
            ports.merge(key, PortSet.ALL, PortSet::union);
            return;
        }
        if (conns.equals("No Connections")) {
            return;
        }
        if (conns.startsWith("All but: ")) {
            Map<String, PortSet> but = new TreeMap<>();
            readConns(conns.substring("All but: ".length()), key, but, named);
            ports.merge(key, PortSet.ALL.subtract(but.getOrDefault(key, PortSet.EMPTY)), PortSet::union);
            return;
        }
        Protocol protocol = null;
        for (String item : conns.split(",")) {
            String value = item.strip();
            int space = value.indexOf(' ');
            if (space > 0) {
                protocol = Protocol.valueOf(value.substring(0, space).toUpperCase(Locale.ROOT));
                value = value.substring(space + 1);
            }
            if (protocol == null) {
                throw new IllegalArgumentException("no protocol before " + value);
            }
            if (value.matches("[0-9]+(-[0-9]+)?")) {
                String[] lohi = value.split("-");
                int lo = Integer.parseInt(lohi[0]);
                int hi = lohi.length > 1 ? Integer.parseInt(lohi[1]) : lo;
                ports.merge(key, PortSet.of(protocol, lo, hi), PortSet::union);
            } else {
                named.computeIfAbsent(key, k -> new TreeSet<>()).add(protocol + " " + value);
            }
        }
    }

    /** This list with every external range cut at the given bounds (first addresses of pieces). */
    NpGuardConnlist refinedWith(TreeSet<Long> cuts) {
        Map<String, PortSet> p = new TreeMap<>();
        ports.forEach((key, set) -> {
            for (String k : refine(key, cuts)) {
                p.merge(k, set, PortSet::union);
            }
        });
        Map<String, TreeSet<String>> n = new TreeMap<>();
        namedPorts.forEach((key, set) -> {
            for (String k : refine(key, cuts)) {
                n.computeIfAbsent(k, x -> new TreeSet<>()).addAll(set);
            }
        });
        return new NpGuardConnlist(p, n);
    }

    /** The first address of every range and the address after its last, of both sides' ranges. */
    TreeSet<Long> cuts() {
        TreeSet<Long> cuts = new TreeSet<>();
        for (String key : keys()) {
            for (String end : key.split(ARROW)) {
                long[] r = ipv4(end);
                if (r != null) {
                    cuts.add(r[0]);
                    cuts.add(r[1] + 1);
                }
            }
        }
        return cuts;
    }

    private TreeSet<String> keys() {
        TreeSet<String> keys = new TreeSet<>(ports.keySet());
        keys.addAll(namedPorts.keySet());
        return keys;
    }

    private static List<String> refine(String key, TreeSet<Long> cuts) {
        String[] ends = key.split(ARROW);
        List<String> out = new ArrayList<>();
        for (String src : pieces(ends[0], cuts)) {
            for (String dst : pieces(ends[1], cuts)) {
                out.add(src + ARROW + dst);
            }
        }
        return out;
    }

    private static List<String> pieces(String endpoint, TreeSet<Long> cuts) {
        long[] r = ipv4(endpoint);
        if (r == null) {
            return List.of(endpoint);
        }
        List<String> out = new ArrayList<>();
        long start = r[0];
        for (Long cut : cuts.subSet(r[0], false, r[1], true)) {
            out.add(IpAddress.v4(start) + "-" + IpAddress.v4(cut - 1));
            start = cut;
        }
        out.add(IpAddress.v4(start) + "-" + IpAddress.v4(r[1]));
        return out;
    }

    private static long[] ipv4(String endpoint) {
        int dash = endpoint.indexOf('-');
        if (dash < 0 || !Character.isDigit(endpoint.charAt(0))) {
            return null;
        }
        IpAddress a = IpAddress.parse(endpoint.substring(0, dash)).orElse(null);
        IpAddress b = IpAddress.parse(endpoint.substring(dash + 1)).orElse(null);
        if (a == null || b == null || a.v6()) {
            return null;
        }
        return new long[] {a.lo(), b.lo()};
    }

    /**
     * The differences of {@code npGuard} (the published list) against {@code stockade}, one line
     * per pair that differs: {@code src => dst : np-guard <conns> | stockade <conns>}, sorted.
     * Both lists must have been refined with the same cuts.
     */
    static List<String> differences(NpGuardConnlist npGuard, NpGuardConnlist stockade) {
        TreeSet<String> keys = npGuard.keys();
        keys.addAll(stockade.keys());
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            String theirs = npGuard.describe(key);
            String ours = stockade.describe(key);
            if (!theirs.equals(ours)) {
                out.add(key + " : np-guard " + theirs + " | stockade " + ours);
            }
        }
        return out;
    }

    private String describe(String key) {
        PortSet p = ports.getOrDefault(key, PortSet.EMPTY);
        TreeSet<String> n = namedPorts.get(key);
        return n == null ? p.toString() : p + " + unresolved " + String.join(",", n);
    }
}
