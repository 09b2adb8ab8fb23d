/**
 * The command line: one picocli command class per verb, shared options as mixins. Exit codes:
 * 0 ok, 1 findings or failed assertions, 2 bad input or usage, 3 internal error.
 */
package dev.stockade.cli;
