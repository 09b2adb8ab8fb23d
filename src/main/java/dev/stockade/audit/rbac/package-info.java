/**
 * The RBAC family (RBAC001…, and NET022): Roles, ClusterRoles and their bindings as written,
 * judged with the RBAC authorizer's matching rules ({@link dev.stockade.audit.rbac.RbacRule}):
 * {@code *} in verbs, apiGroups and resources matches everything, {@code *}{@code /sub} matches
 * subresource {@code sub} of every resource, while {@code pods/*} is no wildcard at all (it
 * matches a resource literally named so); {@code ""} is the core group; a non-empty
 * {@code resourceNames} restricts a rule to those objects (and never grants {@code create}, whose
 * requests carry no name); {@code nonResourceURLs} are separate from resources. A ClusterRole
 * with an {@code aggregationRule} gains the rules of the ClusterRoles of the input its
 * selectors match ({@link dev.stockade.audit.rbac.RbacIndex}).
 *
 * <p>Rules about permissions report every Role and ClusterRole where the rule is written, bound
 * or not (an aggregated ClusterRole is not reported again for rules it gains); rules about
 * bindings use the bound role's effective rules. Objects labelled
 * {@code kubernetes.io/bootstrapping: rbac-defaults} (the API server's own bootstrap policy,
 * recreated at every start) are not audited, so a dump of a live cluster reports what its users
 * added.
 */
package dev.stockade.audit.rbac;
