package org.openipm.authentication.provider;

import java.time.Instant;

public record ProviderAuditView(long id, String change, String changedBy, Instant changedAt,
        ProviderAudit.AuditedState before, ProviderAudit.AuditedState after) {

    static ProviderAuditView of(ProviderAudit audit) {
        return new ProviderAuditView(audit.id, audit.change, audit.changedBy, audit.changedAt, audit.before,
                audit.after);
    }
}
