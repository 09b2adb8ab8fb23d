package dev.stockade.dataplane;

import dev.stockade.dataplane.Ruleset.Chain;
import dev.stockade.dataplane.Ruleset.Statement;
import dev.stockade.model.IpAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The change from one compiled ruleset to the next as one {@code nft -f} script, which the kernel
 * applies as one transaction (every packet sees the old table or the new one, never a mix), made
 * of deltas rather than a reload:
 * <ol>
 *   <li>sets and chains the new version adds are created;</li>
 *   <li>set elements: the ranges that went away are deleted, then the new ones added;</li>
 *   <li>a chain whose rules changed is flushed and refilled (that chain only); new chains filled;</li>
 *   <li>verdict-map elements: changed and removed addresses deleted, then new and changed added;</li>
 *   <li>chains and sets the new version no longer has are emptied and deleted (nothing refers to
 *       them any more).</li>
 * </ol>
 * A set's name fixes its type, kind (hash or interval) and comment (all come from the rule that
 * first uses it), and a chain's comment is the pod it is named after and the direction, so deltas
 * never need to redefine an object. A chain whose kernel rules are unchanged is left alone even
 * when its notes (text only) changed. Equal rulesets give an empty script. The script is checked
 * like a whole one ({@link NftScriptCheck}).
 */
public final class NftDelta {
    private final Ruleset before;
    private final Ruleset after;
    private final String table;
    private final List<String> lines = new ArrayList<>();

    private NftDelta(Ruleset before, Ruleset after) {
        if (!before.table().equals(after.table())) {
            throw new IllegalArgumentException("different tables: " + before.table() + ", " + after.table());
        }
        this.before = before;
        this.after = after;
        this.table = "inet " + after.table();
    }

    /** The script that turns a kernel holding {@code before} into one holding {@code after}. */
    public static String between(Ruleset before, Ruleset after) {
        return new NftDelta(before, after).script();
    }

    private String script() {
        Map<String, Ruleset.NamedSet> oldSets = byName(before.sets(), Ruleset.NamedSet::name);
        Map<String, Ruleset.NamedSet> newSets = byName(after.sets(), Ruleset.NamedSet::name);
        Map<String, Ruleset.InterfaceSet> oldIfSets = byName(before.interfaceSets(), Ruleset.InterfaceSet::name);
        Map<String, Ruleset.InterfaceSet> newIfSets = byName(after.interfaceSets(), Ruleset.InterfaceSet::name);
        Map<String, Ruleset.VerdictMap> oldMaps = byName(before.maps(), Ruleset.VerdictMap::name);
        Map<String, Ruleset.VerdictMap> newMaps = byName(after.maps(), Ruleset.VerdictMap::name);
        Map<String, Chain> oldChains = byName(before.chains(), Chain::name);
        Map<String, Chain> newChains = byName(after.chains(), Chain::name);

        // 1. new sets, maps and chains
        for (Ruleset.NamedSet s : after.sets()) {
            if (!oldSets.containsKey(s.name())) {
                StringBuilder b = new StringBuilder("add set " + table + " " + s.name() + " {\n");
                NftText.setBody(b, s);
                lines.add(b.append("}").toString());
            }
        }
        for (Ruleset.InterfaceSet s : after.interfaceSets()) {
            if (!oldIfSets.containsKey(s.name())) {
                StringBuilder b = new StringBuilder("add set " + table + " " + s.name() + " {\n");
                NftText.interfaceSetBody(b, s);
                lines.add(b.append("}").toString());
            }
        }
        for (Ruleset.VerdictMap m : after.maps()) {
            if (!oldMaps.containsKey(m.name())) {
                StringBuilder b = new StringBuilder("add map " + table + " " + m.name() + " {\n");
                NftText.mapBody(b, m);
                lines.add(b.append("}").toString());
            }
        }
        for (Chain c : after.chains()) {
            if (!oldChains.containsKey(c.name())) {
                StringBuilder b = new StringBuilder("add chain " + table + " " + c.name() + " {\n");
                NftText.chainHead(b, c);
                lines.add(b.append("}").toString());
            }
        }

        // 2. set elements
        for (Ruleset.NamedSet s : after.sets()) {
            Ruleset.NamedSet o = oldSets.get(s.name());
            if (o != null) {
                if (o.interval() != s.interval()) {
                    throw new IllegalArgumentException("set " + s.name() + " changed its kind");
                }
                List<String> old = NftText.elements(o);
                List<String> now = NftText.elements(s);
                Set<String> oldSet = new HashSet<>(old);
                Set<String> nowSet = new HashSet<>(now);
                elements("delete", s.name(), old.stream().filter(e -> !nowSet.contains(e)).toList());
                elements("add", s.name(), now.stream().filter(e -> !oldSet.contains(e)).toList());
            }
        }
        for (Ruleset.InterfaceSet s : after.interfaceSets()) {
            Ruleset.InterfaceSet o = oldIfSets.get(s.name());
            if (o != null) {
                List<String> old = NftText.interfaceElements(o.elements());
                List<String> now = NftText.interfaceElements(s.elements());
                Set<String> oldSet = new HashSet<>(old);
                Set<String> nowSet = new HashSet<>(now);
                elements("delete", s.name(), old.stream().filter(e -> !nowSet.contains(e)).toList());
                elements("add", s.name(), now.stream().filter(e -> !oldSet.contains(e)).toList());
            }
        }

        // 3. chains: changed ones flushed and refilled, new ones filled
        for (Chain c : after.chains()) {
            Chain o = oldChains.get(c.name());
            if (o != null && kernelStatements(o).equals(kernelStatements(c)) && o.comment().equals(c.comment())) {
                continue;
            }
            if (o != null) {
                lines.add("flush chain " + table + " " + c.name());
            }
            for (Statement s : c.statements()) {
                if (!(s instanceof Ruleset.Note)) {
                    lines.add("add rule " + table + " " + c.name() + " " + NftText.statement(s));
                }
            }
        }

        // 4. verdict maps
        for (Ruleset.VerdictMap m : after.maps()) {
            Ruleset.VerdictMap o = oldMaps.get(m.name());
            if (o != null) {
                mapDelta(m.name(), NftText.mapElements(o), NftText.mapElements(m));
            }
        }

        // 5. what is gone: chains (emptied first), then sets and maps nothing refers to now
        for (Chain c : before.chains()) {
            if (!newChains.containsKey(c.name())) {
                lines.add("flush chain " + table + " " + c.name());
            }
        }
        for (Chain c : before.chains()) {
            if (!newChains.containsKey(c.name())) {
                lines.add("delete chain " + table + " " + c.name());
            }
        }
        for (Ruleset.NamedSet s : before.sets()) {
            if (!newSets.containsKey(s.name())) {
                lines.add("delete set " + table + " " + s.name());
            }
        }
        for (Ruleset.InterfaceSet s : before.interfaceSets()) {
            if (!newIfSets.containsKey(s.name())) {
                lines.add("delete set " + table + " " + s.name());
            }
        }
        for (Ruleset.VerdictMap m : before.maps()) {
            if (!newMaps.containsKey(m.name())) {
                lines.add("delete map " + table + " " + m.name());
            }
        }
        return lines.isEmpty() ? "" : NftScriptCheck.require(String.join("\n", lines) + "\n");
    }

    /** Changed and removed addresses deleted (by key), then new and changed elements added. */
    private void mapDelta(String name, Map<IpAddress, String> old, Map<IpAddress, String> now) {
        List<String> gone = new ArrayList<>();
        List<String> come = new ArrayList<>();
        old.forEach((k, v) -> {
            if (!v.equals(now.get(k))) {
                gone.add(k.toString());
            }
        });
        now.forEach((k, v) -> {
            if (!v.equals(old.get(k))) {
                come.add(v);
            }
        });
        elements("delete", name, gone);
        elements("add", name, come);
    }

    /** What the kernel holds of a chain: its statements without the notes, which are text only. */
    private static List<Statement> kernelStatements(Chain c) {
        return c.statements().stream().filter(s -> !(s instanceof Ruleset.Note)).toList();
    }

    private void elements(String verb, String set, List<String> elements) {
        if (!elements.isEmpty()) {
            lines.add(verb + " element " + table + " " + set + " { " + String.join(", ", elements) + " }");
        }
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> m = new LinkedHashMap<>();
        for (T t : items) {
            m.put(name.apply(t), t);
        }
        return m;
    }
}
