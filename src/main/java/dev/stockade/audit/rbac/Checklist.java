package dev.stockade.audit.rbac;

/** The items of the security checklist (seed 001) the RBAC rules enforce. */
final class Checklist {
    static final String POLP = "1. Identity and Access Management: Principle of Least Privilege (PoLP)";
    static final String SERVICE_ACCOUNTS = "1. Identity and Access Management: Use Service Accounts for Automation";
    static final String MICRO_SEGMENT = "2. Network Security: Micro-segment Your Applications";

    private Checklist() {}
}
