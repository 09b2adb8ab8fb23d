package dev.stockade.engine;

/**
 * The input would make the analysis exceed one of its stated limits. The message names the
 * limit and the object and field that drive the cost; the command line reports it as bad input
 * (exit 2).
 */
public final class InputTooLargeException extends RuntimeException {
    public InputTooLargeException(String message) {
        super(message, null, false, false);
    }
}
