package dev.stockade.audit;

import dev.stockade.audit.ingress.MissingTls;
import dev.stockade.audit.ingress.RedirectDisabled;
import dev.stockade.audit.ingress.WeakCiphers;
import dev.stockade.audit.ingress.SnippetAnnotations;
import dev.stockade.audit.ingress.MissingRateLimit;
import dev.stockade.audit.ingress.MissingWaf;
import dev.stockade.audit.ingress.WeakWaf;
import dev.stockade.audit.ingress.DanglingBackend;
import dev.stockade.audit.ingress.InsecureRoute;
import dev.stockade.audit.ingress.PlainHttpGateway;
import dev.stockade.audit.ingress.BlockedIngressPath;
import dev.stockade.audit.mtls.MtlsDisabled;
import dev.stockade.audit.mtls.MtlsPermissive;
import dev.stockade.audit.mtls.WorkspaceNotStrict;
import dev.stockade.audit.mtls.WeakerThanParent;
import dev.stockade.audit.mtls.DestinationTlsDisabled;
import dev.stockade.audit.mtls.IgnoredPortLevel;
import dev.stockade.audit.mtls.StrictWithoutSidecar;
import dev.stockade.audit.net.AllNamespacesPeer;
import dev.stockade.audit.net.CrossEnvironment;
import dev.stockade.audit.net.UndeclaredPolicyPort;
import dev.stockade.audit.net.AnyAddressIngress;
import dev.stockade.audit.net.AnySourceIngress;
import dev.stockade.audit.net.DnsBlocked;
import dev.stockade.audit.net.EgressToEverywhere;
import dev.stockade.audit.net.EveryPortIngress;
import dev.stockade.audit.net.HostNetwork;
import dev.stockade.audit.net.ExposedWithoutPolicy;
import dev.stockade.audit.net.ExternalIps;
import dev.stockade.audit.net.HostPort;
import dev.stockade.audit.net.ImplicitPolicyTypes;
import dev.stockade.audit.net.NodePortService;
import dev.stockade.audit.net.OpenLoadBalancer;
import dev.stockade.audit.net.MetadataEgress;
import dev.stockade.audit.net.NoDefaultDenyEgress;
import dev.stockade.audit.net.NoDefaultDenyIngress;
import dev.stockade.audit.net.PeerSelectsNothing;
import dev.stockade.audit.net.PolicySelectsNothing;
import dev.stockade.audit.net.ReachableFromAllNamespaces;
import dev.stockade.audit.net.UnselectedEgress;
import dev.stockade.audit.net.UnselectedIngress;
import dev.stockade.audit.pss.AppArmor;
import dev.stockade.audit.pss.BaselineCapabilities;
import dev.stockade.audit.pss.EnforceLabel;
import dev.stockade.audit.pss.HostNamespaces;
import dev.stockade.audit.pss.HostPathVolumes;
import dev.stockade.audit.pss.HostProbes;
import dev.stockade.audit.pss.HostProcess;
import dev.stockade.audit.pss.PrivilegeEscalation;
import dev.stockade.audit.pss.Privileged;
import dev.stockade.audit.pss.ProcMount;
import dev.stockade.audit.pss.ReadOnlyRootFilesystem;
import dev.stockade.audit.pss.RestrictedCapabilities;
import dev.stockade.audit.pss.RestrictedProcMount;
import dev.stockade.audit.pss.RestrictedVolumes;
import dev.stockade.audit.pss.RunAsNonRoot;
import dev.stockade.audit.pss.RunAsRootUser;
import dev.stockade.audit.pss.SeLinux;
import dev.stockade.audit.pss.SeccompRestricted;
import dev.stockade.audit.pss.SeccompUnconfined;
import dev.stockade.audit.pss.UnsafeSysctls;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Every rule, by id. Adding a rule means adding it here (the catalogue tests then demand its docs and cases). */
public final class Catalogue {
    private static final List<Rule> ALL = Stream.<Rule>of(
            new NoDefaultDenyIngress(), new NoDefaultDenyEgress(), new UnselectedIngress(), new UnselectedEgress(),
            new PolicySelectsNothing(), new PeerSelectsNothing(), new AnyAddressIngress(), new AnySourceIngress(),
            new EgressToEverywhere(), new AllNamespacesPeer(), new DnsBlocked(), new MetadataEgress(), new ImplicitPolicyTypes(), new NodePortService(),
            new OpenLoadBalancer(), new ExternalIps(), new ExposedWithoutPolicy(), new EveryPortIngress(),
            new HostNetwork(), new HostPort(), new ReachableFromAllNamespaces(),
            new Privileged(), new HostNamespaces(), new HostPathVolumes(), new BaselineCapabilities(), new AppArmor(),
            new SeLinux(), new ProcMount(), new SeccompUnconfined(), new UnsafeSysctls(), new HostProcess(),
            new RestrictedVolumes(), new PrivilegeEscalation(), new RunAsNonRoot(), new RunAsRootUser(),
            new SeccompRestricted(), new RestrictedCapabilities(), new ReadOnlyRootFilesystem(), new EnforceLabel(),
            new HostProbes(), new RestrictedProcMount(),
            new UndeclaredPolicyPort(), new CrossEnvironment(),
            new MissingTls(), new RedirectDisabled(), new WeakCiphers(), new SnippetAnnotations(),
            new MissingRateLimit(), new MissingWaf(), new WeakWaf(), new DanglingBackend(), new InsecureRoute(),
            new PlainHttpGateway(), new BlockedIngressPath(), new MtlsDisabled(), new MtlsPermissive(),
            new WorkspaceNotStrict(), new WeakerThanParent(), new DestinationTlsDisabled(), new IgnoredPortLevel(),
            new StrictWithoutSidecar(),
            new dev.stockade.audit.rbac.Wildcards(), new dev.stockade.audit.rbac.ClusterAdminBinding(), new dev.stockade.audit.rbac.SecretsRead(), new dev.stockade.audit.rbac.PodExec(), new dev.stockade.audit.rbac.CreatePods(), new dev.stockade.audit.rbac.EscalationVerbs(), new dev.stockade.audit.rbac.AllUsersSubject(), new dev.stockade.audit.rbac.NodeProxy(), new dev.stockade.audit.rbac.DefaultServiceAccountBound(), new dev.stockade.audit.rbac.NetworkControl(), new dev.stockade.audit.resources.MemoryRequest(), new dev.stockade.audit.resources.MemoryLimit(), new dev.stockade.audit.resources.CpuRequest(), new dev.stockade.audit.resources.CpuLimit(), new dev.stockade.audit.resources.ReadinessProbe(), new dev.stockade.audit.resources.LivenessProbe())
            .sorted(Comparator.comparing(Rule::id)).toList();
    private static final Map<String, Rule> BY_ID = new LinkedHashMap<>();

    static {
        for (Rule r : ALL) {
            if (BY_ID.put(r.id(), r) != null) {
                throw new IllegalStateException("two rules with id " + r.id());
            }
        }
    }

    private Catalogue() {}

    /** Every rule, sorted by id. */
    public static List<Rule> rules() {
        return ALL;
    }

    public static Optional<Rule> rule(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
