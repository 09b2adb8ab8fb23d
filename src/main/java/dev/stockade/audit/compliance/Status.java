package dev.stockade.audit.compliance;

import java.util.Locale;

/** How a control fares: {@code pass}, {@code fail}, {@code manual} (to be checked by hand) or {@code not-checked}. */
public enum Status {
    FAIL, PASS, NOT_CHECKED, MANUAL;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
