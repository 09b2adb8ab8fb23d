package dev.stockade.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.lab.EngineCheck;
import dev.stockade.lab.Lab;
import dev.stockade.lab.RulesetChange;
import dev.stockade.model.Cluster;
import dev.stockade.model.Protocol;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every upstream e2e NetworkPolicy scenario ({@link E2eNetworkPolicyTest}, every step where
 * upstream probes) on the kernel: one lab of the 9 pods (x, y, z × a, b, c, ports 80 and 81) is
 * brought up once, and each distinct state of the cluster is applied to it by {@code lab apply}'s
 * deltas and probed on every pair and every TCP and UDP port. Each probe must be the engine's
 * verdict, and each TCP and UDP step must give upstream's own truth table. SCTP steps are checked
 * on the engine and the compiled ruleset by {@link E2eNetworkPolicyTest} only: this kernel has no
 * SCTP sockets. Skipped unless root with nft and python3.
 */
@Tag("kernel")
class E2eLabTest {
    /** Blocked probes wait this long; the lab's veths answer an allowed one in well under a millisecond. */
    private static final int PROBE_TIMEOUT_MILLIS = 300;

    private record Scenario(String name, E2eModel.Step step) {}

    @Test
    void everyUpstreamScenario_onTheKernel_agreesWithUpstreamAndTheEngine() throws Exception {
        Assumptions.assumeTrue(Lab.isRoot(), "the lab needs root");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nft")) || Files.isExecutable(Path.of("/sbin/nft")),
                "nft is needed");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 is needed");

        List<Scenario> scenarios = recordScenarios();
        long scenarioCount = scenarios.stream().map(s -> s.name().replaceAll(": .*", "")).distinct().count();
        assertThat(scenarioCount).as("upstream scenarios recorded").isGreaterThanOrEqualTo(40);

        Map<Cluster, List<Scenario>> byState = new LinkedHashMap<>();
        for (Scenario s : scenarios) {
            byState.computeIfAbsent(s.step().cluster(), k -> new ArrayList<>()).add(s);
        }
        List<String> failures = new ArrayList<>();
        int tables = 0;
        long probes = 0;
        long applyMillis = 0;
        long start = System.nanoTime();
        Lab lab = Lab.plan(new E2eModel().cluster());
        try {
            lab.up(AnalysisOptions.DEFAULT);
            for (Map.Entry<Cluster, List<Scenario>> state : byState.entrySet()) {
                RulesetChange change = lab.apply(state.getKey(), AnalysisOptions.DEFAULT);
                applyMillis += change.compileMillis() + change.nftMillis();
                List<Lab.Probe> observed = lab.probe(PROBE_TIMEOUT_MILLIS);
                probes += observed.size();
                String names = state.getValue().stream().map(Scenario::name).distinct().toList().toString();
                for (EngineCheck.Disagreement d : EngineCheck.disagreements(lab.cluster(), AnalysisOptions.DEFAULT, observed)) {
                    failures.add(names + ": kernel vs engine: " + d.line());
                }
                for (Scenario s : state.getValue()) {
                    E2eModel.Step step = s.step();
                    if (step.protocol() == Protocol.SCTP) {
                        continue;
                    }
                    tables++;
                    TruthTable kernel = TruthTable.filled(E2eModel.PODS, null);
                    for (Lab.Probe p : observed) {
                        if (p.protocol() == step.protocol() && p.port() == step.port()) {
                            kernel = kernel.expect(p.src().id(), p.dst().id(), p.connected());
                        }
                    }
                    try {
                        TruthTable.assertAgree(s.name() + " (" + step.protocol() + " " + step.port() + ") on the kernel",
                                "expected (upstream)", step.expected(), "kernel (lab probes)", kernel, true);
                    } catch (AssertionError e) {
                        failures.add(e.getMessage());
                    }
                }
            }
        } finally {
            lab.close();
            Lab.down();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("e2e through the lab: %d scenarios, %d states, %d truth tables, %d probes in %d ms"
                + " (apply: %d ms in all, %.1f ms each)%n", scenarioCount, byState.size(), tables, probes, millis,
                applyMillis, (double) applyMillis / byState.size());
        assertThat(failures).as("kernel against upstream and the engine").isEmpty();
        assertThat(tables).as("TCP and UDP tables compared on the kernel").isGreaterThanOrEqualTo(40);
    }

    /** Runs every scenario of {@link E2eNetworkPolicyTest} (nested ones too) and keeps each step it validates. */
    private static List<Scenario> recordScenarios() throws Exception {
        List<Scenario> out = new ArrayList<>();
        List<Class<?>> classes = new ArrayList<>(List.of(E2eNetworkPolicyTest.class));
        classes.addAll(Arrays.asList(E2eNetworkPolicyTest.class.getDeclaredClasses()));
        try {
            for (Class<?> c : classes) {
                List<Method> methods = Arrays.stream(c.getDeclaredMethods())
                        .filter(m -> m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(ParameterizedTest.class))
                        .sorted(Comparator.comparing(Method::getName)).toList();
                for (Method m : methods) {
                    List<Object[]> invocations = new ArrayList<>();
                    if (m.getParameterCount() == 0) {
                        invocations.add(new Object[0]);
                    } else if (m.getParameterCount() == 1 && m.getParameterTypes()[0] == Protocol.class
                            && m.isAnnotationPresent(EnumSource.class)) {
                        for (Protocol p : Protocol.values()) {
                            invocations.add(new Object[] {p});
                        }
                    } else {
                        throw new AssertionError("a scenario this test cannot call: " + m);
                    }
                    for (Object[] args : invocations) {
                        String name = c.getSimpleName() + "." + m.getName() + (args.length == 0 ? "" : "[" + args[0] + "]");
                        E2eModel.recordSteps(step -> out.add(new Scenario(name + ": " + step.step(), step)));
                        m.setAccessible(true);
                        try {
                            m.invoke(instance(c), args);
                        } catch (InvocationTargetException e) {
                            throw new AssertionError(name + " fails on the engine", e.getCause());
                        }
                    }
                }
            }
        } finally {
            E2eModel.recordSteps(null);
        }
        return out;
    }

    private static Object instance(Class<?> c) throws ReflectiveOperationException {
        if (c == E2eNetworkPolicyTest.class) {
            Constructor<?> k = c.getDeclaredConstructor();
            k.setAccessible(true);
            return k.newInstance();
        }
        Constructor<?> k = c.getDeclaredConstructor(E2eNetworkPolicyTest.class);
        k.setAccessible(true);
        return k.newInstance(instance(E2eNetworkPolicyTest.class));
    }
}
