/**
 * Renderers: connectivity as text, JSON (the documented contract), CSV, Markdown and Graphviz
 * dot; verdicts as text and JSON. Pure functions from engine results to strings. Names are
 * untrusted: every format escapes them its own way ({@link dev.stockade.report.TerminalText} for
 * text, Markdown, DOT, CSV, XML, JSON and YAML each by their rules), whatever validation let through.
 */
package dev.stockade.report;
