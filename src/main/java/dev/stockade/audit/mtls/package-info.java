/**
 * The mutual TLS family (Istio): PeerAuthentication modes and port exceptions, workspaces not
 * under STRICT mTLS, policies weaker than the one they override, DestinationRules that switch
 * TLS off inside the mesh, and STRICT namespaces whose pods get no sidecar.
 */
package dev.stockade.audit.mtls;
