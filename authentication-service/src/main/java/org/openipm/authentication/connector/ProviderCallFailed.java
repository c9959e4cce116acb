package org.openipm.authentication.connector;

/** A provider attempt that failed in a way worth retrying (unreachable, 5xx, wrong status): counts against its circuit. */
public class ProviderCallFailed extends RuntimeException {
    public ProviderCallFailed(String message) {
        super(message, null, false, false);
    }
}
