package dev.stockade.audit;

import dev.stockade.audit.images.LatestTag;
import dev.stockade.audit.images.PullNever;
import dev.stockade.audit.images.PullPolicy;
import dev.stockade.audit.images.RegistryAllowlist;
import dev.stockade.audit.images.UnpinnedImage;
import dev.stockade.audit.ingress.BlockedIngressPath;
import dev.stockade.audit.ingress.DanglingBackend;
import dev.stockade.audit.ingress.InsecureRoute;
import dev.stockade.audit.ingress.MissingRateLimit;
import dev.stockade.audit.ingress.MissingTls;
import dev.stockade.audit.ingress.MissingWaf;
import dev.stockade.audit.ingress.PlainHttpGateway;
import dev.stockade.audit.ingress.RedirectDisabled;
import dev.stockade.audit.ingress.SnippetAnnotations;
import dev.stockade.audit.ingress.WeakCiphers;
import dev.stockade.audit.ingress.WeakWaf;
import dev.stockade.audit.mtls.DestinationTlsDisabled;
import dev.stockade.audit.mtls.IgnoredPortLevel;
import dev.stockade.audit.mtls.MtlsDisabled;
import dev.stockade.audit.mtls.MtlsPermissive;
import dev.stockade.audit.mtls.StrictWithoutSidecar;
import dev.stockade.audit.mtls.WeakerThanParent;
import dev.stockade.audit.mtls.WorkspaceNotStrict;
import dev.stockade.audit.net.AllNamespacesPeer;
import dev.stockade.audit.net.AnyAddressIngress;
import dev.stockade.audit.net.AnySourceIngress;
import dev.stockade.audit.net.CrossEnvironment;
import dev.stockade.audit.net.DnsBlocked;
import dev.stockade.audit.net.EgressToEverywhere;
import dev.stockade.audit.net.EveryPortIngress;
import dev.stockade.audit.net.ExposedWithoutPolicy;
import dev.stockade.audit.net.ExternalIps;
import dev.stockade.audit.net.HostNetwork;
import dev.stockade.audit.net.HostPort;
import dev.stockade.audit.net.ImplicitPolicyTypes;
import dev.stockade.audit.net.MetadataEgress;
import dev.stockade.audit.net.NoDefaultDenyEgress;
import dev.stockade.audit.net.NoDefaultDenyIngress;
import dev.stockade.audit.net.NodePortService;
import dev.stockade.audit.net.OpenLoadBalancer;
import dev.stockade.audit.net.PeerSelectsNothing;
import dev.stockade.audit.net.PolicySelectsNothing;
import dev.stockade.audit.net.PrivilegedPort;
import dev.stockade.audit.net.ReachableFromAllNamespaces;
import dev.stockade.audit.net.UndeclaredPolicyPort;
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
import dev.stockade.audit.rbac.AllUsersSubject;
import dev.stockade.audit.rbac.ClusterAdminBinding;
import dev.stockade.audit.rbac.CreatePods;
import dev.stockade.audit.rbac.DefaultServiceAccountBound;
import dev.stockade.audit.rbac.EscalationVerbs;
import dev.stockade.audit.rbac.NetworkControl;
import dev.stockade.audit.rbac.NodeProxy;
import dev.stockade.audit.rbac.PodExec;
import dev.stockade.audit.rbac.SecretsRead;
import dev.stockade.audit.rbac.Wildcards;
import dev.stockade.audit.resources.CpuLimit;
import dev.stockade.audit.resources.CpuRequest;
import dev.stockade.audit.resources.LivenessProbe;
import dev.stockade.audit.resources.MemoryLimit;
import dev.stockade.audit.resources.MemoryRequest;
import dev.stockade.audit.resources.ReadinessProbe;
import dev.stockade.audit.secrets.CommittedSecret;
import dev.stockade.audit.secrets.DefaultServiceAccount;
import dev.stockade.audit.secrets.LiteralSecretArgs;
import dev.stockade.audit.secrets.LiteralSecretEnv;
import dev.stockade.audit.secrets.MissingServiceAccount;
import dev.stockade.audit.secrets.SecretAsEnv;
import dev.stockade.audit.secrets.SecretInConfigMap;
import dev.stockade.audit.secrets.TokenAutomount;
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
            new LiteralSecretEnv(), new SecretAsEnv(), new SecretInConfigMap(), new TokenAutomount(),
            new DefaultServiceAccount(), new MissingServiceAccount(), new CommittedSecret(), new LiteralSecretArgs(),
            new LatestTag(), new UnpinnedImage(), new RegistryAllowlist(), new PullPolicy(), new PullNever(),
            new PrivilegedPort(),
            new Wildcards(), new ClusterAdminBinding(), new SecretsRead(), new PodExec(), new CreatePods(),
            new EscalationVerbs(), new AllUsersSubject(), new NodeProxy(), new DefaultServiceAccountBound(),
            new NetworkControl(), new MemoryRequest(), new MemoryLimit(), new CpuRequest(), new CpuLimit(),
            new ReadinessProbe(), new LivenessProbe())
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
