/**
 * The Pod Security Standards family (PSS001…): one rule per control of the baseline and
 * restricted profiles, with the exact field paths of the Kubernetes page, read from every
 * workload's pod template (containers, initContainers, ephemeralContainers), plus the
 * read-only root filesystem and the namespace's {@code pod-security.kubernetes.io/enforce} label.
 * Each offending field is reported by one rule: a restricted rule leaves out what a baseline rule
 * already reports, and the baseline's {@code hostNetwork} and {@code hostPort} are NET016 and NET017.
 */
package dev.stockade.audit.pss;
