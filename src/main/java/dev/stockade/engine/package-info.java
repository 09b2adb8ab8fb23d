/**
 * NetworkPolicy semantics, pure and fast: label selectors, port and IP interval sets, the
 * class-based connectivity analysis ({@link dev.stockade.engine.Analyzer}) and per-flow verdicts
 * with their reasons ({@link dev.stockade.engine.Explainer}). Depends on the model only.
 */
package dev.stockade.engine;
