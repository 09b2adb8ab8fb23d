/**
 * Questions about a cluster's policies, answered with the engine: which workloads no policy
 * protects ({@link dev.stockade.query.Unprotected}), which selectors match nothing
 * ({@link dev.stockade.query.SelectsNothing}), which policies and rules can go
 * ({@link dev.stockade.query.Redundancy}), whether two policy sets are the same
 * ({@link dev.stockade.query.Equivalence}) and what is open to the outside or to every namespace
 * ({@link dev.stockade.query.Exposure}). Pure: depends on the model and the engine only, and
 * returns records that the report package renders.
 */
package dev.stockade.query;
