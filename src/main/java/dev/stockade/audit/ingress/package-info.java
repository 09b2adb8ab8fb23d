/**
 * The Ingress and TLS family: Ingresses (and OpenShift Routes, Gateway API Gateways) read as
 * written — TLS for every host, HTTP→HTTPS redirect, cipher lists, snippet annotations, WAF and
 * rate-limit annotations (keys configurable), backends that resolve to no workload — and, with
 * the engine, Ingress paths that the backend workload's policies block for the controller.
 */
package dev.stockade.audit.ingress;
