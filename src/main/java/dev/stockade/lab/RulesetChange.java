package dev.stockade.lab;

import dev.stockade.dataplane.Ruleset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What one {@code lab apply} changed in the loaded table, counted on the two rulesets: elements
 * (address ranges of the peer sets, pod entries of the verdict maps and of the anti-spoofing
 * sets; an entry whose value changed counts as one removed and one added), sets and maps, and
 * chains (added, removed, and rewritten: same name, other rules). The script is the one nft
 * transaction that made the change; the times are the compile and delta work and
 * the kernel's {@code nft -f}.
 */
public record RulesetChange(int elementsAdded, int elementsRemoved, int setsAdded, int setsRemoved, int chainsAdded,
        int chainsRemoved, int chainsRewritten, String script, long compileMillis, long nftMillis) {

    public static RulesetChange between(Ruleset before, Ruleset after, String script, long compileMillis, long nftMillis) {
        int[] elements = new int[2];
        int[] sets = new int[2];
        count(before.sets(), after.sets(), Ruleset.NamedSet::name,
                s -> entries(s.elements().ranges()), elements, sets);
        count(before.maps(), after.maps(), Ruleset.VerdictMap::name,
                m -> entries(m.jumps().entrySet()), elements, sets);
        count(before.interfaceSets(), after.interfaceSets(), Ruleset.InterfaceSet::name,
                m -> entries(m.elements().entrySet()), elements, sets);
        Map<String, Ruleset.Chain> old = new HashMap<>();
        before.chains().forEach(c -> old.put(c.name(), c));
        Set<String> now = new HashSet<>();
        int added = 0;
        int rewritten = 0;
        for (Ruleset.Chain c : after.chains()) {
            now.add(c.name());
            Ruleset.Chain o = old.get(c.name());
            if (o == null) {
                added++;
            } else if (!o.equals(c)) {
                rewritten++;
            }
        }
        int removed = (int) before.chains().stream().filter(c -> !now.contains(c.name())).count();
        return new RulesetChange(elements[0], elements[1], sets[0], sets[1], added, removed, rewritten, script,
                compileMillis, nftMillis);
    }

    /** The elements of a set as comparable values: ranges, or (key, value) pairs of a map. */
    private static Set<Object> entries(Iterable<?> items) {
        Set<Object> s = new HashSet<>();
        for (Object t : items) {
            s.add(t instanceof Map.Entry<?, ?> e ? List.of(e.getKey(), e.getValue()) : t);
        }
        return s;
    }

    /** Adds to {@code elements} (added, removed) and {@code sets} (added, removed) for one kind of set. */
    private static <T> void count(List<T> before, List<T> after, Function<T, String> name,
            Function<T, Set<Object>> elementsOf, int[] elements, int[] sets) {
        Map<String, T> old = new HashMap<>();
        before.forEach(t -> old.put(name.apply(t), t));
        Set<String> now = new HashSet<>();
        for (T t : after) {
            now.add(name.apply(t));
            Set<Object> mine = elementsOf.apply(t);
            T o = old.get(name.apply(t));
            if (o == null) {
                sets[0]++;
                elements[0] += mine.size();
                continue;
            }
            Set<Object> theirs = elementsOf.apply(o);
            elements[0] += (int) mine.stream().filter(e -> !theirs.contains(e)).count();
            elements[1] += (int) theirs.stream().filter(e -> !mine.contains(e)).count();
        }
        for (T t : before) {
            if (!now.contains(name.apply(t))) {
                sets[1]++;
                elements[1] += elementsOf.apply(t).size();
            }
        }
    }

    public boolean isEmpty() {
        return script.isEmpty();
    }

    /** Lines of the {@code nft -f} script. */
    public long scriptLines() {
        return script.lines().count();
    }

    /** One line for users, e.g. {@code 3 elements added, 1 removed; …; chains: 1 added, 0 removed, 2 rewritten; …}. */
    public String summary() {
        if (isEmpty()) {
            return "no change: the loaded table already enforces these policies";
        }
        return elementsAdded + (elementsAdded == 1 ? " element" : " elements") + " added, " + elementsRemoved + " removed; sets and maps: " + setsAdded
                + " added, " + setsRemoved + " removed; chains: " + chainsAdded + " added, " + chainsRemoved
                + " removed, " + chainsRewritten + " rewritten; one nft transaction of " + scriptLines()
                + " lines in " + nftMillis + " ms (compile and delta " + compileMillis + " ms)";
    }
}
