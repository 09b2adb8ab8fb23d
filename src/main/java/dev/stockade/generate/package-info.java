/**
 * Authoring: manifests that start a workspace from a safe baseline (namespace, default deny,
 * DNS and opted-in allowances) and the Istio PeerAuthentication that turns on mutual TLS. Pure
 * text generation from validated specs; depends on the model only.
 */
package dev.stockade.generate;
