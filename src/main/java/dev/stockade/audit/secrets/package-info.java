/**
 * The secrets and identity family (SEC001…): literal secrets in container env values and in
 * ConfigMaps (judged by key name, by shape and by entropy through {@link
 * dev.stockade.manifest.SecretValues}, never printing a value), Secrets consumed as env
 * instead of files, Secret values committed in manifests, and the pod's service account: token
 * automount, the default account, an account the input does not define.
 */
package dev.stockade.audit.secrets;
