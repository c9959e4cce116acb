package org.openipm.authentication.provider;

/**
 * The answer to a registration: the provider, and its shared secret this once. OpenIPM keeps it only encrypted
 * and never shows it again; a lost secret is replaced by an update with a new one.
 */
public record ProviderCreated(ProviderView provider, String secret) {
}
