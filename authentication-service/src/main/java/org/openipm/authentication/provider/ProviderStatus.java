package org.openipm.authentication.provider;

/** A SUSPENDED provider keeps its entry but is never asked. */
public enum ProviderStatus {
    ACTIVE,
    SUSPENDED
}
