/**
 * Renderers: connectivity as text, JSON (the documented contract), CSV, Markdown and Graphviz
 * dot; verdicts as text and JSON. Pure functions from engine results to strings.
 */
package dev.stockade.report;
