/**
 * {@code stockade audit}: the security checklist as a catalogue of rules over manifests. Each
 * rule is one small class with its metadata ({@link Rule}); {@link Catalogue} lists them;
 * {@link Auditor} runs them over an {@link AuditContext} (the cluster model, the engine and the
 * objects as written) and applies suppressions, the configuration and the baseline.
 */
package dev.stockade.audit;
