package dev.stockade.report;

import dev.stockade.model.Cidr;
import dev.stockade.model.ConnectivityExpectation;
import dev.stockade.model.ConnectivityExpectations;
import dev.stockade.model.EndpointSelector;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.Protocol;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes a {@code ConnectivityExpectations} file: what {@code verify --generate} prints. Reading it
 * back gives the same expectations. A comment line names each source workload, so a reviewer can
 * read the file workload by workload.
 */
public final class ExpectationsYaml {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
    private static final Pattern NUMBER = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?0[xXoObB].*");
    private static final Set<String> RESERVED = Set.of("true", "false", "null", "y", "n", "yes",
            "no", "on", "off");

    private ExpectationsYaml() {}

    /**
     * The file: {@code header} lines as comments, then the object named {@code name}.
     */
    public static String render(String name, List<ConnectivityExpectation> expectations, List<String> header) {
        StringBuilder sb = new StringBuilder();
        for (String h : header) {
            sb.append(h.isEmpty() ? "#" : "# " + TerminalText.inline(h)).append('\n');
        }
        sb.append("apiVersion: ").append(ConnectivityExpectations.API_VERSION).append('\n');
        sb.append("kind: ").append(ConnectivityExpectations.KIND).append('\n');
        sb.append("metadata:\n  name: ").append(scalar(name)).append('\n');
        sb.append("spec:\n  expectations:");
        if (expectations.isEmpty()) {
            return sb.append(" []\n").toString();
        }
        sb.append('\n');
        String section = null;
        for (ConnectivityExpectation e : expectations) {
            String s = e.from() instanceof EndpointSelector.CidrForm ? e.to().toString() : e.from().toString();
            if (!s.equals(section)) {
                sb.append("  # ").append(TerminalText.inline(s)).append('\n');
                section = s;
            }
            sb.append("  - from:");
            endpoint(sb, e.from());
            sb.append("    to:");
            endpoint(sb, e.to());
            port(sb, e);
            sb.append("    expect: ").append(e.expect()).append('\n');
            if (!e.description().isEmpty()) {
                sb.append("    description: ").append(quoted(e.description())).append('\n');
            }
        }
        return sb.toString();
    }

    private static void endpoint(StringBuilder sb, EndpointSelector s) {
        switch (s) {
            case EndpointSelector.WorkloadRef r -> sb.append(' ').append(scalar(r.toString())).append('\n');
            case EndpointSelector.CidrForm c -> {
                sb.append(" {cidr: ").append(scalar(c.block().cidr().toString()));
                if (!c.block().except().isEmpty()) {
                    sb.append(", except: [").append(c.block().except().stream().map(Cidr::toString)
                            .map(ExpectationsYaml::scalar).collect(Collectors.joining(", "))).append(']');
                }
                sb.append("}\n");
            }
            case EndpointSelector.SelectorForm f -> {
                sb.append('\n');
                f.namespace().ifPresent(n -> sb.append("      namespace: ").append(scalar(n)).append('\n'));
                f.namespaceSelector().ifPresent(l -> selector(sb, "namespaceSelector", l));
                f.podSelector().ifPresent(l -> selector(sb, "podSelector", l));
            }
        }
    }

    private static void selector(StringBuilder sb, String field, LabelSelector s) {
        sb.append("      ").append(field).append(':');
        if (s.selectsAll()) {
            sb.append(" {}\n");
            return;
        }
        sb.append('\n');
        if (!s.matchLabels().isEmpty()) {
            sb.append("        matchLabels:\n");
            for (Map.Entry<String, String> e : s.matchLabels().entrySet()) {
                sb.append("          ").append(scalar(e.getKey())).append(": ").append(scalar(e.getValue())).append('\n');
            }
        }
        if (!s.matchExpressions().isEmpty()) {
            sb.append("        matchExpressions:\n");
            for (LabelSelector.Requirement r : s.matchExpressions()) {
                sb.append("        - {key: ").append(scalar(r.key())).append(", operator: ").append(r.operator());
                if (!r.values().isEmpty()) {
                    sb.append(", values: [").append(r.values().stream().map(ExpectationsYaml::scalar)
                            .collect(Collectors.joining(", "))).append(']');
                }
                sb.append("}\n");
            }
        }
    }

    private static void port(StringBuilder sb, ConnectivityExpectation e) {
        if (e.port().isEmpty()) {
            return;
        }
        PolicyPort p = e.port().get();
        switch (p) {
            case PolicyPort.PortRange r -> sb.append("    port: ").append(r.from()).append('\n');
            case PolicyPort.NamedPort n -> sb.append("    port: ").append(scalar(n.name())).append('\n');
            case PolicyPort.AllPorts a -> { }
        }
        if (p instanceof PolicyPort.AllPorts || p.protocol() != Protocol.TCP) {
            sb.append("    protocol: ").append(p.protocol()).append('\n');
        }
    }

    /** A plain scalar when YAML reads it back as the same string, else a double-quoted one. */
    static String scalar(String s) {
        if (PLAIN.matcher(s).matches() && !NUMBER.matcher(s).matches()
                && !RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
            return s;
        }
        return quoted(s);
    }

    /**
     * A double-quoted scalar: quote and backslash escaped, newline and tab as YAML's backslash-n and
     * backslash-t, C0 controls as backslash-x and two hex digits, and what YAML may not hold raw or a
     * terminal should not be given (DEL, C1, invisible format characters, noncharacters) in YAML's
     * backslash-u (or backslash-U) spelling, the one {@link TerminalText} uses, which reads back as the
     * same character. A lone surrogate has no YAML spelling (no file can hold one): it is written as U+FFFD.
     */
    static String quoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int n = Character.charCount(c);
            boolean lone = n == 1 && Character.isSurrogate(s.charAt(i));
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\x%02x", c));
                    } else if (lone) {
                        sb.append('\ufffd');
                    } else if (TerminalText.unsafe(c, false)) {
                        TerminalText.appendEscape(sb, c);
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
            i += n;
        }
        return sb.append('"').toString();
    }
}
