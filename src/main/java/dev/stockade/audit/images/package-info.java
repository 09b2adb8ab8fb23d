/**
 * The image family (IMG001…): mutable or missing tags, references not pinned by digest,
 * registries outside a configured allowlist, and pull policies, read from every container of
 * every workload's pod template through {@link dev.stockade.audit.images.ImageReference}.
 */
package dev.stockade.audit.images;
