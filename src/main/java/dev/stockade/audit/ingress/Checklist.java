package dev.stockade.audit.ingress;

/**
 * The items of the security checklist (seed 001, section 2) the Ingress rules enforce. The
 * checklist names no WAF or rate-limit item; seed 000 asks for both on the Ingress that
 * terminates TLS, so they count under the same item.
 */
final class Checklist {
    static final String ENCRYPT = "2. Network Security: Encrypt All Traffic";
    static final String MICRO_SEGMENT = "2. Network Security: Micro-segment Your Applications";

    private Checklist() {}
}
