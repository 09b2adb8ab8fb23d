package dev.stockade.load;

/**
 * Renders {@code docs/validation.md}: the {@link ApiValidation} table, one row per rule the
 * loader shares with the API server. A test checks that the file is current.
 */
final class ValidationDoc {
    private ValidationDoc() {}

    static String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# What the loader validates as the API server does\n\n")
                .append("<!-- Generated from src/main/java/dev/stockade/load/ApiValidation.java; do not edit."
                        + " Regenerate: scripts/test -Dtest=ValidationDocTest -Dvalidation.update=true -->\n\n")
                .append("Stockade reads manifests that the API server may never have seen. Where the API server (or\n")
                .append("the schema of a custom resource) would refuse an object, the loader refuses it too, with an\n")
                .append("error at the field (`file:line:col: error: Kind ns/name: field: message`, exit 2), instead\n")
                .append("of analysing what a cluster can never hold. Each row below is checked by the loader and has\n")
                .append("a test with a manifest that breaks it and the exact message.\n\n")
                .append("In messages, `{value}` is the value as written, in quotes, with control characters escaped\n")
                .append("(`\\n`, `\\u001b`, …), cut after " + Quote.SHOWN + " characters when it is longer than "
                        + Quote.LONGEST + " (`\"aaaa…\" (10000 characters)`),\n")
                .append("and never shown when it looks like a secret (\"" + Quote.SECRET + "\").\n")
                .append("`{length}` is its length in characters. Other names in braces stand for what the message\n")
                .append("fills in: a selector or labels in kubectl's spelling (`{selector}`, `{labels}`: `app=web,tier in\n")
                .append("(a,b)`), a number (`{number}`, `{count}`, `{max}`), what is expected (`{expected}`), the path of\n")
                .append("an earlier item or field (`{first}`, `{other}`), a kind, a protocol or a list of fields.\n\n")
                .append("| id | applies to | rule | source in the API server | message |\n")
                .append("|----|------------|------|--------------------------|---------|\n");
        for (ApiValidation v : ApiValidation.values()) {
            sb.append("| `").append(v.id()).append("` | ").append(v.appliesTo()).append(" | ").append(v.rule())
                    .append(" | ").append(v.source()).append(" | ").append(v.template()).append(" |\n");
        }
        return sb.toString();
    }
}
