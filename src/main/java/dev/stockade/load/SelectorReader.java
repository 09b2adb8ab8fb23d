package dev.stockade.load;

import dev.stockade.model.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads a metav1.LabelSelector, validating keys, values and operators as the API does. */
final class SelectorReader {
    private SelectorReader() {}

    /** The selector, or empty when absent; an invalid selector is reported and read as far as possible. */
    static Optional<LabelSelector> read(ObjectReader r, Node n, String path) {
        if (ObjectReader.isNull(n)) {
            return Optional.empty();
        }
        Fields f = r.mapping(n, path);
        if (f == null) {
            return Optional.empty();
        }
        r.checkFields(f, KnownFields.LABEL_SELECTOR);
        TreeMap<String, String> labels = r.labelMap(f.get("matchLabels"), f.child("matchLabels"));
        List<LabelSelector.Requirement> reqs = new ArrayList<>();
        List<Node> exprs = r.list(f.get("matchExpressions"), f.child("matchExpressions"));
        for (int i = 0; i < exprs.size(); i++) {
            String p = f.child("matchExpressions") + "[" + i + "]";
            Fields e = r.mapping(exprs.get(i), p);
            if (e == null) {
                continue;
            }
            r.checkFields(e, KnownFields.REQUIREMENT);
            String key = r.string(e.get("key"), e.child("key"));
            String op = r.string(e.get("operator"), e.child("operator"));
            if (key == null) {
                r.error(e.node(), e.child("key"), ApiValidation.SELECTOR_KEY_REQUIRED.fill());
                continue;
            }
            String keyProblem = Names.labelKeyProblem(key);
            if (keyProblem != null) {
                r.error(e.get("key"), e.child("key"), keyProblem);
                continue;
            }
            if (op == null) {
                r.error(e.node(), e.child("operator"), ApiValidation.SELECTOR_OPERATOR_REQUIRED.fill());
                continue;
            }
            Optional<LabelSelector.Operator> operator = LabelSelector.Operator.parse(op);
            if (operator.isEmpty()) {
                r.error(e.get("operator"), e.child("operator"), ApiValidation.SELECTOR_OPERATOR.message(op));
                continue;
            }
            Node valuesNode = e.get("values");
            List<Node> valueNodes = r.list(valuesNode, e.child("values"));
            List<String> values = new ArrayList<>();
            // values already reported (not a list, or a bad item) are not reported again as missing
            boolean rejected = !ObjectReader.isNull(valuesNode) && !(valuesNode instanceof SequenceNode);
            for (int k = 0; k < valueNodes.size(); k++) {
                Node vn = valueNodes.get(k);
                // null in a list of strings decodes as "" in the API, as it does here
                String v = ObjectReader.isNull(vn) ? "" : r.string(vn, e.child("values") + "[" + k + "]");
                String problem = v == null ? null : Names.labelValueProblem(v);
                if (problem != null) {
                    r.error(vn, e.child("values") + "[" + k + "]", problem);
                }
                if (v == null || problem != null) {
                    rejected = true;
                } else {
                    values.add(v);
                }
            }
            if (rejected) {
                continue;
            }
            boolean needsValues = operator.get() == LabelSelector.Operator.In
                    || operator.get() == LabelSelector.Operator.NotIn;
            if (needsValues && values.isEmpty()) {
                r.error(e.node(), e.child("values"), ApiValidation.SELECTOR_VALUES_REQUIRED.fill("operator", op));
                continue;
            }
            if (!needsValues && !valueNodes.isEmpty()) {
                r.error(e.get("values"), e.child("values"), ApiValidation.SELECTOR_VALUES_FORBIDDEN.fill("operator", op));
                continue;
            }
            reqs.add(new LabelSelector.Requirement(key, operator.get(), values));
        }
        return Optional.of(new LabelSelector(labels, reqs));
    }
}
