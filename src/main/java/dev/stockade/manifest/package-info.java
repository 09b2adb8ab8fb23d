/**
 * Manifests as written: every object's YAML tree with the position of each node, so that audit
 * rules can point at the exact line of a field. JDK and model only; the loader builds it from
 * its parser's nodes, which never leave {@code load}. Also {@link dev.stockade.manifest.SecretValues},
 * whether a value as written looks like a secret: the audit's secret rules report it, and the
 * loader's messages never quote it.
 */
package dev.stockade.manifest;
