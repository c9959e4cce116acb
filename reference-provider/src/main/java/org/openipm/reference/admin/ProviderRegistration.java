package org.openipm.reference.admin;

import java.util.List;

/**
 * This provider as OpenIPM's provider registry takes it ({@code POST /api/v1/providers} of authentication-service),
 * so that an administrator registers it by passing this document on.
 */
public record ProviderRegistration(String id, String name, String connector, String endpoint, String secret,
        long timeoutMs, String status, Coverage coverage) {

    public record Coverage(List<String> brands, List<String> gtins, List<String> codeKinds) {
    }
}
