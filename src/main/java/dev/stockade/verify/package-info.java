/**
 * Connectivity expectations: checking a {@code ConnectivityExpectations} file against an analysis
 * ({@link dev.stockade.verify.Verifier}, each failure with the verdict that explains it), and
 * describing the current connectivity as expectations to freeze a reviewed baseline
 * ({@link dev.stockade.verify.Baseline}). Pure: depends on the model and the engine only.
 */
package dev.stockade.verify;
