package dev.stockade.audit.compliance;

import dev.stockade.audit.Catalogue;
import dev.stockade.audit.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The security best-practice checklist of the source documents (seed 001), item by item. An
 * item's rules are the catalogue's rules that name it ({@link Rule#checklist()}), so a new rule
 * joins the report by naming its item; items the manifests cannot show say what to check by hand.
 * Items rules name that the checklist lacks (resource limits, probes) follow as "beyond the checklist".
 */
public final class SeedChecklist {
    /** One item as the checklist writes it, with its manual part (null when manifests settle it). */
    private record Item(String section, String title, String manual) {
        String key() {
            return section + ": " + title;
        }
    }

    private static final String IAM = "1. Identity and Access Management";
    private static final String NETWORK = "2. Network Security";
    private static final String WORKLOAD = "3. Workload and Pod Security";
    private static final String DATA = "4. Data and Storage Security";
    private static final String MONITORING = "5. Auditing and Monitoring";
    private static final String GENERAL = "6. General Best Practices";

    private static final List<Item> ITEMS = List.of(
            new Item(IAM, "Enforce MFA", "an identity-provider setting: check that every user of the built-in"
                    + " identity provider has MFA enabled"),
            new Item(IAM, "Use SSO for Enterprises", "an organisation setting: check that the corporate identity"
                    + " provider is integrated"),
            new Item(IAM, "Principle of Least Privilege (PoLP)", "the manifests show roles and bindings, not which"
                    + " person holds which role: review user role assignments"),
            new Item(IAM, "Regularly Audit Permissions", "a recurring process: review who has access and remove"
                    + " stale accounts"),
            new Item(IAM, "Use Service Accounts for Automation", "check that CI/CD uses short-lived API keys of"
                    + " dedicated service accounts, not a person's credentials"),
            new Item(NETWORK, "Start with \"Default Deny\"", null),
            new Item(NETWORK, "Micro-segment Your Applications", null),
            new Item(NETWORK, "Control Egress Traffic", "an EgressGateway and domain allowlists are configured"
                    + " outside NetworkPolicy: check them"),
            new Item(NETWORK, "Encrypt All Traffic", null),
            new Item(WORKLOAD, "Use Minimal, Secure Base Images", "whether a base image is minimal (distroless,"
                    + " alpine) shows in its build, not in the manifest"),
            new Item(WORKLOAD, "Run as Non-Root", null),
            new Item(WORKLOAD, "Read-Only Root Filesystem", null),
            new Item(WORKLOAD, "Apply Pod Security Standards", null),
            new Item(WORKLOAD, "Automate Vulnerability Scanning", "a CI/CD and ImagePolicy setting: check that"
                    + " images are scanned and critical vulnerabilities block deployment"),
            new Item(DATA, "Encrypt Data at Rest", "encryption is a property of the StorageClass's provisioner"
                    + " and cloud account: check it there"),
            new Item(DATA, "Secure Backups", "check backup encryption, the access-restricted bucket and a"
                    + " separate disaster-recovery location"),
            new Item(DATA, "Manage Secrets Securely", null),
            new Item(MONITORING, "Enable Comprehensive Auditing", "a workspace setting: check that audit logging"
                    + " is on for every production workspace"),
            new Item(MONITORING, "Integrate with SIEM", "check that audit logs are streamed to the SIEM"),
            new Item(MONITORING, "Monitor for Anomalies", "check that alerts exist for 403 spikes, unexpected"
                    + " egress and anomalous API calls"),
            new Item(MONITORING, "Log Everything", "check that applications log structured output to"
                    + " stdout/stderr"),
            new Item(GENERAL, "Infrastructure as Code (IaC)", "check that these manifests are the ones in version"
                    + " control and the only way changes reach the cluster"),
            new Item(GENERAL, "Automate Compliance", "check that this audit (and CompliancePacks) run on every"
                    + " change, e.g. in CI with --fail-on"),
            new Item(GENERAL, "Regularly Test Your Security", "penetration tests and disaster-recovery drills are"
                    + " events, not manifests: check their records"));

    private SeedChecklist() {}

    /** The checklist item keys ({@code 2. Network Security: Start with "Default Deny"}), in order. */
    public static List<String> keys() {
        return ITEMS.stream().map(Item::key).toList();
    }

    public static Framework framework() {
        return framework(Catalogue.rules());
    }

    static Framework framework(List<Rule> rules) {
        Map<String, List<String>> rulesByKey = new LinkedHashMap<>();
        Set<String> beyond = new LinkedHashSet<>();
        Set<String> known = Set.copyOf(keys());
        for (Rule r : rules) {
            for (String key : r.checklist()) {
                rulesByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r.id());
                if (!known.contains(key)) {
                    beyond.add(key);
                }
            }
        }
        List<Control> controls = new ArrayList<>();
        Map<String, Integer> numbered = new LinkedHashMap<>();
        for (Item item : ITEMS) {
            String section = item.section();
            int n = numbered.merge(section, 1, Integer::sum);
            List<String> judging = rulesByKey.getOrDefault(item.key(), List.of());
            String manual = judging.isEmpty() && item.manual() == null
                    ? "no rule of the catalogue judges this item: check it by hand" : item.manual();
            controls.add(new Control(section.substring(0, section.indexOf('.')) + "." + n, section, item.title(),
                    judging, manual, true));
        }
        int extra = 0;
        for (String key : beyond.stream().sorted().toList()) {
            int colon = key.indexOf(": ");
            controls.add(new Control("+" + (++extra), key.substring(0, colon), key.substring(colon + 2),
                    rulesByKey.get(key), null, false));
        }
        return new Framework("seed-checklist", "Security best practices checklist", "seed 001", controls);
    }
}
