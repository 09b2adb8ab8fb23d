package dev.stockade.audit.secrets;

/** The items of the security checklist (seed 001, sections 1 and 4) the secrets and identity rules enforce. */
final class Checklist {
    static final String SECRETS = "4. Data and Storage Security: Manage Secrets Securely";
    static final String SERVICE_ACCOUNTS = "1. Identity and Access Management: Use Service Accounts for Automation";
    static final String LEAST_PRIVILEGE = "1. Identity and Access Management: Principle of Least Privilege (PoLP)";

    private Checklist() {}
}
