package dev.stockade.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Analyzer;
import dev.stockade.engine.Connectivity;
import dev.stockade.load.ExpectationsLoad;
import dev.stockade.load.ExpectationsReader;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Truth tables of {@code verify}: every selector form ({@code ns/name}, {@code ns/name[Kind]},
 * {@code namespace}, {@code podSelector}, {@code namespaceSelector}, their combinations, {@code cidr}
 * with and without {@code except}) against every port form (number, name, protocol only, omitted),
 * each row checked as {@code Allow} and as {@code Deny}. Expectations go through the reader, so the
 * table also covers the file format. Cells: {@code pass}, {@code FAIL} (some pair breaks it),
 * {@code none} (a side or the port matches nothing: a failure too).
 */
class VerifyTruthTableTest {
    /**
     * shop (env=prod, team=shop) is default-deny for ingress: web &lt;- 203.0.113.0/24 on 8080, api &lt;- web on
     * 8080 and &lt;- ops on metrics (9090), db &lt;- api on postgres (5432). web may only open api:8080; db opens
     * nothing; api's egress is unrestricted. lab (env=dev, team=lab) and ops (env=prod) have no policies.
     */
    static final String CLUSTER = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop, labels: {env: prod, team: shop}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: lab, labels: {env: dev, team: lab}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: ops, labels: {env: prod}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              selector: {matchLabels: {app: web, tier: front}}
              template:
                metadata: {labels: {app: web, tier: front}}
                spec: {containers: [{name: c, ports: [{name: http, containerPort: 8080}], image: i}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: shop}
            spec:
              selector: {matchLabels: {app: api, tier: back}}
              template:
                metadata: {labels: {app: api, tier: back}}
                spec:
                  containers: [{name: c, ports: [{name: http, containerPort: 8080}, {name: metrics, containerPort: 9090}], image: i}]
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, namespace: shop}
            spec:
              selector: {matchLabels: {app: db, tier: back}}
              template:
                metadata: {labels: {app: db, tier: back}}
                spec: {containers: [{name: c, ports: [{name: postgres, containerPort: 5432}], image: i}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: notebook, namespace: lab}
            spec:
              selector: {matchLabels: {app: notebook}}
              template:
                metadata: {labels: {app: notebook}}
                spec: {containers: [{name: c, ports: [{name: http, containerPort: 8888}], image: i}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: prometheus, namespace: ops}
            spec:
              selector: {matchLabels: {app: prometheus}}
              template:
                metadata: {labels: {app: prometheus}}
                spec: {containers: [{name: c, image: i}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: default-deny-ingress, namespace: shop}
            spec: {podSelector: {}, policyTypes: [Ingress]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: web}}
              policyTypes: [Ingress, Egress]
              ingress:
              - from: [{ipBlock: {cidr: 203.0.113.0/24}}]
                ports: [{port: 8080}]
              egress:
              - to: [{podSelector: {matchLabels: {app: api}}}]
                ports: [{port: 8080}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: api, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: api}}
              ingress:
              - from: [{podSelector: {matchLabels: {app: web}}}]
                ports: [{port: 8080}]
              - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ops}}}]
                ports: [{port: metrics}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: db, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: db}}
              policyTypes: [Ingress, Egress]
              ingress:
              - from: [{podSelector: {matchLabels: {app: api}}}]
                ports: [{port: postgres}]
            """;

    /** FROM ; TO ; PORT (number, name, proto-only as any/UDP, - for omitted) ; Allow Deny. */
    static final String TABLE = """
            # ns/name with every port form
            shop/web                  ; shop/api                 ; 8080     ; pass FAIL
            shop/web                  ; shop/api                 ; 9090     ; FAIL pass
            shop/web                  ; shop/api                 ; http     ; pass FAIL
            shop/web                  ; shop/api                 ; metrics  ; FAIL pass
            shop/web                  ; shop/api                 ; -        ; pass FAIL
            shop/web                  ; shop/api                 ; any/UDP  ; FAIL pass
            shop/web                  ; shop/db                  ; -        ; FAIL pass
            shop/api                  ; shop/db                  ; 5432     ; pass FAIL
            shop/api                  ; shop/db                  ; postgres ; pass FAIL
            shop/api                  ; shop/db                  ; 5432/UDP ; FAIL pass
            shop/api                  ; shop/db                  ; any/TCP  ; pass FAIL
            shop/web                  ; shop/db                  ; http     ; none none
            lab/notebook              ; ops/prometheus           ; -        ; pass FAIL
            lab/notebook              ; shop/web                 ; 8080     ; FAIL pass
            shop/web                  ; shop/web                 ; 8080     ; none none
            shop/ghost                ; shop/api                 ; 8080     ; none none
            # ns/name[Kind]
            shop/db[StatefulSet]      ; shop/web                 ; -        ; FAIL pass
            shop/db[Deployment]       ; shop/web                 ; -        ; none none
            # {namespace}
            {namespace: shop}         ; shop/db                  ; 5432     ; FAIL FAIL
            {namespace: ops}          ; shop/api                 ; metrics  ; pass FAIL
            {namespace: lab}          ; {namespace: shop}        ; -        ; FAIL pass
            {namespace: shop}         ; {namespace: lab}         ; -        ; FAIL FAIL
            {namespace: ops}          ; {namespace: lab}         ; -        ; pass FAIL
            {namespace: nosuch}       ; shop/api                 ; 8080     ; none none
            # {podSelector}
            {podSelector: {matchLabels: {tier: back}}}  ; {namespace: lab} ; - ; FAIL FAIL
            {podSelector: {matchLabels: {app: api}}}    ; {namespace: lab} ; - ; pass FAIL
            {podSelector: {}}         ; shop/db                  ; 5432     ; FAIL FAIL
            {podSelector: {matchLabels: {app: ghost}}}  ; shop/api ; 8080   ; none none
            {podSelector: {matchExpressions: [{key: tier, operator: In, values: [front]}]}} ; shop/api ; http ; pass FAIL
            # {namespaceSelector}
            {namespaceSelector: {matchLabels: {env: prod}}}  ; shop/api ; metrics ; FAIL FAIL
            {namespaceSelector: {matchLabels: {env: dev}}}   ; shop/api ; metrics ; FAIL pass
            {namespaceSelector: {matchLabels: {env: dev}}}   ; {namespaceSelector: {matchLabels: {env: prod}, matchExpressions: [{key: team, operator: DoesNotExist}]}} ; - ; pass FAIL
            {namespaceSelector: {matchLabels: {env: qa}}}    ; shop/api ; 8080    ; none none
            # combinations (ANDed)
            {namespace: shop, podSelector: {matchLabels: {tier: back}}} ; {namespace: lab} ; - ; FAIL FAIL
            {namespace: shop, namespaceSelector: {matchLabels: {env: prod}}, podSelector: {matchLabels: {app: web}}} ; shop/api ; 8080 ; pass FAIL
            {namespace: shop, namespaceSelector: {matchLabels: {env: dev}}} ; shop/api ; 8080 ; none none
            {namespaceSelector: {matchExpressions: [{key: team, operator: Exists}]}, podSelector: {matchLabels: {app: notebook}}} ; shop/api ; 8080 ; FAIL pass
            {namespace: ops}          ; {namespace: shop, podSelector: {matchLabels: {tier: back}}} ; metrics ; FAIL FAIL
            {namespace: lab}          ; {namespace: shop, podSelector: {matchLabels: {tier: back}}} ; metrics ; FAIL pass
            {namespace: ops}          ; {namespace: shop, podSelector: {matchLabels: {tier: front}}} ; metrics ; none none
            # {cidr} on either side: every address of the block, exactly
            {cidr: 203.0.113.0/24}    ; shop/web                 ; 8080     ; pass FAIL
            {cidr: 203.0.113.128/25}  ; shop/web                 ; 8080     ; pass FAIL
            {cidr: 203.0.113.7/32}    ; shop/web                 ; 8081     ; FAIL pass
            {cidr: 203.0.112.0/23}    ; shop/web                 ; 8080     ; FAIL FAIL
            {cidr: 203.0.112.0/23, except: [203.0.113.0/24]} ; shop/web ; - ; FAIL pass
            {cidr: 0.0.0.0/0, except: [203.0.113.0/24]}      ; {namespace: shop} ; - ; FAIL pass
            {cidr: 0.0.0.0/0}         ; {namespace: shop}        ; -        ; FAIL FAIL
            {cidr: 0.0.0.0/0}         ; {namespace: lab}         ; any/SCTP ; pass FAIL
            {cidr: "::/0"}            ; shop/web                 ; 8080     ; FAIL pass
            shop/db                   ; {cidr: 0.0.0.0/0}        ; -        ; FAIL pass
            shop/web                  ; {cidr: "::/0"}           ; -        ; FAIL pass
            shop/api                  ; {cidr: 10.0.0.0/8}       ; 443      ; pass FAIL
            shop/api                  ; {cidr: "fd00::/8"}       ; 53/UDP   ; pass FAIL
            {namespace: shop}         ; {cidr: 10.0.0.0/8}       ; 443      ; FAIL FAIL
            {cidr: 10.0.0.0/8, except: [10.0.0.0/9, 10.128.0.0/9]} ; shop/web ; - ; none none
            """;

    private static LoadResult loaded;
    private static Verifier verifier;

    @BeforeAll
    static void analyze() {
        loaded = Loader.loadString("cluster.yaml", CLUSTER);
        assertThat(loaded.diagnostics()).isEmpty();
        Connectivity c = new Analyzer(AnalysisOptions.DEFAULT).analyze(loaded.cluster());
        verifier = new Verifier(loaded.cluster(), c);
    }

    /** The expectations file of one row, expecting {@code expect}. */
    static String file(String from, String to, String port, String expect) {
        StringBuilder sb = new StringBuilder("""
                apiVersion: stockade.dev/v1alpha1
                kind: ConnectivityExpectations
                metadata: {name: row}
                spec:
                  expectations:
                """);
        sb.append("  - from: ").append(from).append("\n    to: ").append(to).append('\n');
        if (port.startsWith("any/")) {
            sb.append("    protocol: ").append(port.substring(4)).append('\n');
        } else if (!port.equals("-")) {
            String[] p = port.split("/");
            sb.append("    port: ").append(p[0]).append('\n');
            if (p.length > 1) {
                sb.append("    protocol: ").append(p[1]).append('\n');
            }
        }
        return sb.append("    expect: ").append(expect).append('\n').toString();
    }

    private static String outcome(String from, String to, String port, String expect) {
        ExpectationsLoad e = ExpectationsReader.readString("row.yaml", file(from, to, port, expect));
        assertThat(e.diagnostics()).as(file(from, to, port, expect)).isEmpty();
        ExpectationResult r = verifier.check(e.expectations().get(0));
        return switch (r.outcome()) {
            case PASSED -> "pass";
            case FAILED -> "FAIL";
            case UNMATCHED -> "none";
        };
    }

    @Test
    void verify_everySelectorAndPortForm_matchesTruthTable() {
        List<String> expected = new ArrayList<>();
        List<String> observed = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        for (String line : TABLE.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            String[] cells = line.split("\\s*;\\s*");
            String[] want = cells[3].split("\\s+");
            String allow = outcome(cells[0], cells[1], cells[2], "Allow");
            String deny = outcome(cells[0], cells[1], cells[2], "Deny");
            String row = cells[0] + " -> " + cells[1] + " " + cells[2] + " : ";
            expected.add(row + want[0] + " " + want[1]);
            observed.add(row + allow + " " + deny);
            if (!want[0].equals(allow) || !want[1].equals(deny)) {
                differences.add(row + "expected " + want[0] + " " + want[1] + ", observed " + allow + " " + deny);
            }
        }
        if (!differences.isEmpty()) {
            fail(differences.size() + " rows differ (cells: Allow Deny)\n" + String.join("\n", differences)
                    + "\n\nexpected:\n" + String.join("\n", expected) + "\n\nobserved:\n" + String.join("\n", observed));
        }
        assertThat(expected).hasSizeGreaterThan(50);
    }
}
