/**
 * Reads Kubernetes manifests (YAML 1.2 and JSON; files, directories, stdin; multi-document
 * streams and Lists) into the {@link dev.stockade.model} records, keeping every value's source
 * position. Bad input becomes {@link dev.stockade.load.Diagnostic}s with file:line:col, object,
 * field path, what is wrong and what is expected — never an exception.
 */
package dev.stockade.load;
