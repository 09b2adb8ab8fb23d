package dev.stockade.cli;

/** Process exit codes, the same for every verb. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 3;

    private ExitCodes() {}
}
