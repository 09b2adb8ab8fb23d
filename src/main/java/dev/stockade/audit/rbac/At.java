package dev.stockade.audit.rbac;

/** Where an RBAC rule reports: a field path relative to the object, and a message. */
interface At {
    void report(String path, String message);
}
