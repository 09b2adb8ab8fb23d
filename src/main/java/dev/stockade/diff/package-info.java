/**
 * Semantic diff of two versions of a cluster's manifests: both are analysed with the same
 * {@link dev.stockade.engine.AnalysisOptions}, and their connectivity is compared pair by pair
 * (workloads by namespace, name and kind; external addresses on the common refinement of both
 * versions' ranges). Every change carries witness flows explained in both versions, so a review
 * sees which policies open or close it. Depends on the model and the engine only.
 */
package dev.stockade.diff;
