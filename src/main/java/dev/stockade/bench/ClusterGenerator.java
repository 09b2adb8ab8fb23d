package dev.stockade.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a seeded, realistic cluster as YAML files: namespaces with team and environment
 * labels, Deployments with tiered labels and named ports, and per namespace a default deny,
 * a DNS allowance, label-selector allows between tiers, namespace-selector allows between teams,
 * monitoring scrapes, ipBlock egress with except, and a few broad rules. With pods, every
 * Deployment gets a ReplicaSet and Pod objects with IPs (the three platform ones one pod each). The same spec and seed give the same
 * files.
 */
public final class ClusterGenerator {
    private static final String[] TIERS = {"frontend", "backend", "worker", "db"};
    private static final String[] ENVS = {"dev", "test", "staging", "prod"};
    private static final int OBJECTS_PER_FILE = 5000;

    private final BenchSpec spec;
    private final Random random;
    private final List<String> files = new ArrayList<>();
    private StringBuilder current = new StringBuilder();
    private int inCurrent;

    /** Workload names by namespace index, and their tiers. */
    private final List<List<String>> names = new ArrayList<>();
    private final List<List<String>> tiers = new ArrayList<>();

    public ClusterGenerator(BenchSpec spec) {
        this.spec = spec;
        this.random = new Random(spec.seed());
    }

    static String ns(int i) {
        return String.format("team-%04d", i);
    }

    /** Generates the YAML documents, grouped into files of a few thousand objects each. */
    public List<String> generate() {
        int n = spec.namespaces();
        String dns = "    - {name: dns, containerPort: 53, protocol: UDP}\n    - {name: dns-tcp, containerPort: 53, protocol: TCP}\n";
        doc("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: kube-system\n");
        doc(deployment("kube-system", "coredns", "k8s-app: kube-dns", dns));
        platformPod("kube-system", "coredns", "k8s-app: kube-dns", dns, 1);
        doc("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: monitoring\n  labels: {purpose: monitoring}\n");
        doc(deployment("monitoring", "prometheus", "app: prometheus", "    - {name: web, containerPort: 9090}\n"));
        platformPod("monitoring", "prometheus", "app: prometheus", "    - {name: web, containerPort: 9090}\n", 2);
        doc("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ingress-nginx\n  labels: {purpose: ingress}\n");
        doc(deployment("ingress-nginx", "controller", "app.kubernetes.io/name: ingress-nginx",
                "    - {name: https, containerPort: 443}\n"));
        platformPod("ingress-nginx", "controller", "app.kubernetes.io/name: ingress-nginx",
                "    - {name: https, containerPort: 443}\n", 3);
        for (int i = 0; i < n; i++) {
            doc("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns(i) + "\n  labels:\n    team: t"
                    + (i % 50) + "\n    env: " + ENVS[i % 4] + "\n");
            names.add(new ArrayList<>());
            tiers.add(new ArrayList<>());
        }
        int podsLeft = spec.pods();
        int ip = 0;
        for (int w = 0; w < spec.workloads(); w++) {
            int i = w % n;
            String tier = TIERS[random.nextInt(TIERS.length)];
            String name = tier + "-" + w;
            names.get(i).add(name);
            tiers.get(i).add(tier);
            String ports = "    - {name: http, containerPort: 8080}\n    - {name: metrics, containerPort: 9090}\n"
                    + (tier.equals("db") ? "    - {name: sql, containerPort: 5432}\n" : "");
            doc(deployment(ns(i), name, "app: " + name + "\n        tier: " + tier, ports));
            // spread the pods evenly: the first (pods % workloads) Deployments get one more
            int pods = Math.min(podsLeft, spec.pods() / spec.workloads() + (w < spec.pods() % spec.workloads() ? 1 : 0));
            if (pods > 0) {
                String rs = name + "-" + Integer.toHexString(0x5d8f0 + w);
                doc("apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: " + rs + "\n  namespace: " + ns(i)
                        + "\n  ownerReferences:\n  - {apiVersion: apps/v1, kind: Deployment, name: " + name
                        + ", uid: " + uid(ns(i), name) + ", controller: true}\nspec:\n  selector: {matchLabels: {app: "
                        + name + "}}\n" + template("app: " + name + "\n        tier: " + tier, name, ports));
                for (int p = 0; p < pods; p++) {
                    ip++;
                    doc("apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + rs + "-" + p + "\n  namespace: " + ns(i)
                            + "\n  labels: {app: " + name + ", tier: " + tier + "}\n  ownerReferences:\n"
                            + "  - {apiVersion: apps/v1, kind: ReplicaSet, name: " + rs + ", uid: " + uid(ns(i), rs)
                            + ", controller: true}\nspec:\n  containers:\n  - name: main\n    image: registry.example/" + tier
                            + ":1.0\n"
                            + "    ports:\n" + ports.replace("    - ", "    - ") + "status:\n  podIP: "
                            + podIp(ip) + "\n");
                }
                podsLeft -= pods;
            }
        }
        policies();
        adminPolicies();
        flush();
        return List.copyOf(files);
    }

    /**
     * AdminNetworkPolicies with priorities 0 to N-1, each of one kind in turn (environment
     * isolation with Pass for the own team, monitoring scrapes, metadata and control-plane egress
     * denials, database protection by pod selector, DNS allowances), and the
     * BaselineAdminNetworkPolicy: ingress from other teams denied, egress to pods allowed and to
     * the Internet denied.
     */
    private void adminPolicies() {
        int count = spec.adminPolicies();
        for (int p = 0; p < count; p++) {
            String team = "t" + random.nextInt(50);
            String env = ENVS[random.nextInt(ENVS.length)];
            String head = "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata:\n  name: anp-"
                    + p + "\nspec:\n  priority: " + p + "\n";
            String body = switch (p % 5) {
                case 0 -> "  subject: {namespaces: {matchLabels: {team: " + team + "}}}\n  ingress:\n"
                        + "  - {name: own-team, action: Pass, from: [{namespaces: {matchLabels: {team: " + team + "}}}]}\n"
                        + "  - {name: other-envs, action: Deny, from: [{namespaces: {matchExpressions: [{key: env,"
                        + " operator: NotIn, values: [" + env + "]}]}}]}\n";
                case 1 -> "  subject: {namespaces: {matchLabels: {env: " + env + "}}}\n  ingress:\n"
                        + "  - name: monitoring\n    action: Allow\n    from: [{namespaces: {matchLabels: {purpose: monitoring}}}]\n"
                        + "    ports: [{namedPort: metrics}]\n";
                case 2 -> "  subject: {namespaces: {matchLabels: {team: " + team + "}}}\n  egress:\n"
                        + "  - {name: metadata, action: Deny, to: [{networks: [169.254.169.254/32]}]}\n"
                        + "  - name: api-server\n    action: Deny\n    to: [{networks: [10.0.0.0/24]}]\n"
                        + "    ports: [{portNumber: {protocol: TCP, port: 6443}}]\n";
                case 3 -> "  subject:\n    pods:\n      namespaceSelector: {matchLabels: {env: " + env + "}}\n"
                        + "      podSelector: {matchLabels: {tier: db}}\n  ingress:\n"
                        + "  - {name: no-frontends, action: Deny, from: [{pods: {namespaceSelector: {},"
                        + " podSelector: {matchLabels: {tier: frontend}}}}]}\n"
                        + "  - name: sql-from-backends\n    action: Allow\n    from: [{pods: {namespaceSelector: {matchLabels:"
                        + " {team: " + team + "}}, podSelector: {matchLabels: {tier: backend}}}}]\n"
                        + "    ports: [{portRange: {protocol: TCP, start: 5432, end: 5433}}]\n";
                default -> "  subject: {namespaces: {matchLabels: {team: " + team + "}}}\n  egress:\n"
                        + "  - name: dns\n    action: Allow\n    to: [{pods: {namespaceSelector: {matchLabels:"
                        + " {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}}]\n"
                        + "    ports: [{portNumber: {protocol: UDP, port: 53}}, {portNumber: {protocol: TCP, port: 53}}]\n";
            };
            doc(head + body);
        }
        if (count > 0) {
            doc("apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata:\n"
                    + "  name: default\nspec:\n  subject: {namespaces: {matchExpressions: [{key: team, operator: Exists}]}}\n"
                    + "  ingress:\n  - {name: other-teams, action: Deny, from: [{namespaces: {matchExpressions:"
                    + " [{key: purpose, operator: DoesNotExist}]}}]}\n  egress:\n"
                    + "  - {name: pods, action: Allow, to: [{namespaces: {}}]}\n"
                    + "  - {name: internet, action: Deny, to: [{networks: [0.0.0.0/0, \"::/0\"]}]}\n");
        }
    }

    /**
     * With pods, a platform Deployment gets one Pod (through a ReplicaSet) at 10.127.0.{@code k},
     * so that DNS, monitoring and ingress peers have addresses too; without pods, nothing.
     */
    private void platformPod(String ns, String name, String label, String ports, int k) {
        if (spec.pods() == 0) {
            return;
        }
        String rs = name + "-5d8f";
        doc("apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: " + rs + "\n  namespace: " + ns
                + "\n  ownerReferences:\n  - {apiVersion: apps/v1, kind: Deployment, name: " + name
                + ", uid: " + uid(ns, name) + ", controller: true}\nspec:\n  selector: {matchLabels: {" + label + "}}\n"
                + template(label, name, ports));
        doc("apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + rs + "-0\n  namespace: " + ns + "\n  labels: {" + label
                + "}\n  ownerReferences:\n  - {apiVersion: apps/v1, kind: ReplicaSet, name: " + rs + ", uid: " + uid(ns, rs)
                + ", controller: true}\n"
                + "spec:\n  containers:\n  - name: main\n    image: registry.example/" + name + ":1.0\n    ports:\n" + ports
                + "status:\n  podIP: 10.127.0." + k + "\n");
    }

    /** The owner's {@code metadata.uid} an owner reference names: derived from its namespace and name. */
    private static String uid(String ns, String name) {
        return java.util.UUID.nameUUIDFromBytes((ns + "/" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    private static String podIp(int k) {
        int v = 0x0A800000 + k; // 10.128.0.0/9
        return ((v >>> 24) & 255) + "." + ((v >>> 16) & 255) + "." + ((v >>> 8) & 255) + "." + (v & 255);
    }

    private static String deployment(String ns, String name, String labels, String ports) {
        return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name + "\n  namespace: " + ns
                + "\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {" + labels.split("\n")[0].trim() + "}\n"
                + template(labels, name, ports);
    }

    private static String template(String labels, String name, String ports) {
        return "  template:\n    metadata:\n      labels:\n        " + labels + "\n    spec:\n      containers:\n"
                + "      - name: main\n        image: registry.example/" + name + ":1.0\n        ports:\n"
                + ports.replace("    - ", "        - ");
    }

    private void policies() {
        int n = spec.namespaces();
        int made = 0;
        int budget = spec.policies();
        // every namespace: default deny, then DNS — as far as the budget goes
        for (int i = 0; i < n && made < budget; i++, made++) {
            doc(policy(ns(i), "default-deny", "{}", "  policyTypes: [Ingress, Egress]\n"));
        }
        for (int i = 0; i < n && made < budget; i++, made++) {
            doc(policy(ns(i), "allow-dns", "{}", "  policyTypes: [Egress]\n  egress:\n  - to:\n"
                    + "    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}\n"
                    + "      podSelector: {matchLabels: {k8s-app: kube-dns}}\n"
                    + "    ports:\n    - {protocol: UDP, port: 53}\n    - {protocol: TCP, port: 53}\n"));
        }
        int k = 0;
        while (made < budget) {
            int i = random.nextInt(n);
            List<String> ws = names.get(i);
            if (ws.isEmpty()) {
                k++;
                if (k > budget * 4) {
                    break;
                }
                continue;
            }
            String target = ws.get(random.nextInt(ws.size()));
            int kind = random.nextInt(100);
            String body;
            if (kind < 40) {
                // tier to tier inside the namespace, both directions of the pair
                String from = ws.get(random.nextInt(ws.size()));
                body = "  policyTypes: [Ingress]\n  ingress:\n  - from:\n    - podSelector: {matchLabels: {app: " + from
                        + "}}\n    ports:\n    - {port: http}\n";
                doc(policy(ns(i), "allow-" + from + "-to-" + target + "-" + made, "{matchLabels: {app: " + target + "}}", body));
                made++;
                if (made < budget) {
                    doc(policy(ns(i), "egress-" + from + "-to-" + target + "-" + made, "{matchLabels: {app: " + from + "}}",
                            "  policyTypes: [Egress]\n  egress:\n  - to:\n    - podSelector: {matchLabels: {app: "
                                    + target + "}}\n    ports:\n    - {port: 8080}\n"));
                    made++;
                }
                continue;
            } else if (kind < 60) {
                body = "  policyTypes: [Ingress]\n  ingress:\n  - from:\n    - namespaceSelector:\n        matchExpressions:\n"
                        + "        - {key: team, operator: In, values: [t" + random.nextInt(50) + ", t" + random.nextInt(50)
                        + "]}\n      podSelector: {matchLabels: {tier: frontend}}\n    ports:\n    - {port: 8080, endPort: 8090}\n";
            } else if (kind < 75) {
                body = "  policyTypes: [Ingress]\n  ingress:\n  - from:\n    - namespaceSelector: {matchLabels: {purpose: monitoring}}\n"
                        + "      podSelector: {matchLabels: {app: prometheus}}\n    ports:\n    - {port: metrics}\n";
            } else if (kind < 92) {
                int a = random.nextInt(200);
                body = "  policyTypes: [Egress]\n  egress:\n  - to:\n    - ipBlock:\n        cidr: 10." + a + ".0.0/16\n"
                        + "        except: [10." + a + "." + random.nextInt(256) + ".0/24]\n    ports:\n    - {protocol: TCP, port: 5432}\n";
            } else if (kind < 97) {
                body = "  policyTypes: [Ingress]\n  ingress:\n  - from:\n    - namespaceSelector: {matchLabels: {purpose: ingress}}\n"
                        + "    ports:\n    - {port: http}\n";
            } else {
                body = "  policyTypes: [Egress]\n  egress:\n  - to:\n    - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]}\n"
                        + "    ports:\n    - {protocol: TCP, port: 443}\n";
            }
            doc(policy(ns(i), "policy-" + made, "{matchLabels: {app: " + target + "}}", body));
            made++;
        }
    }

    private static String policy(String ns, String name, String selector, String body) {
        return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: " + name + "\n  namespace: " + ns
                + "\nspec:\n  podSelector: " + selector + "\n" + body;
    }

    private void doc(String yaml) {
        current.append("---\n").append(yaml);
        if (++inCurrent >= OBJECTS_PER_FILE) {
            flush();
        }
    }

    private void flush() {
        if (inCurrent > 0) {
            files.add(current.toString());
            current = new StringBuilder();
            inCurrent = 0;
        }
    }

    /** Writes the generated files into {@code dir} as {@code cluster-NNN.yaml}; returns their paths. */
    public static List<Path> write(List<String> contents, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            Path p = dir.resolve(String.format("cluster-%03d.yaml", i));
            Files.writeString(p, contents.get(i));
            out.add(p);
        }
        return out;
    }
}
