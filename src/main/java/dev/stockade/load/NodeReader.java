package dev.stockade.load;

import dev.stockade.model.IpAddress;
import dev.stockade.model.Labels;
import dev.stockade.model.Node;
import dev.stockade.model.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a v1 Node: its labels and the InternalIP and ExternalIP entries of
 * {@code status.addresses} (other address types, such as Hostname, are names, not addresses).
 * The rest of the object is not checked: it is the node's business, not the policies'.
 */
final class NodeReader {
    private static final Set<String> ADDRESS = Set.of("type", "address");
    private final ObjectReader r;

    NodeReader(ObjectReader r) {
        this.r = r;
    }

    Node read(String name, Fields top, Fields meta, Source source) {
        Labels labels = new PodReader(r).labels(meta);
        List<IpAddress> addresses = new ArrayList<>();
        Fields status = r.mapping(top.get("status"), "status");
        if (status != null) {
            List<org.snakeyaml.engine.v2.nodes.Node> items = r.list(status.get("addresses"), "status.addresses");
            for (int i = 0; i < items.size(); i++) {
                String path = "status.addresses[" + i + "]";
                Fields a = r.mapping(items.get(i), path);
                if (a == null) {
                    continue;
                }
                r.checkFields(a, ADDRESS);
                String type = r.string(a.get("type"), a.child("type"));
                String text = r.string(a.get("address"), a.child("address"));
                if (text == null || !("InternalIP".equals(type) || "ExternalIP".equals(type))) {
                    continue;
                }
                Optional<IpAddress> ip = IpAddress.parse(text);
                if (ip.isEmpty()) {
                    r.error(a.get("address"), a.child("address"), Quote.of(text) + " is not an IP address (expected"
                            + " an IPv4 or IPv6 address for type " + type + ")");
                } else if (!addresses.contains(ip.get())) {
                    addresses.add(ip.get());
                }
            }
        }
        return r.broken() ? null : new Node(name, labels, addresses, source);
    }
}
