package org.openipm.authentication.clone;

import java.time.Instant;

public record CloneRulesAuditView(long id, String changedBy, Instant changedAt, CloneRules before,
        CloneRules after) {

    static CloneRulesAuditView of(CloneRulesAudit audit) {
        return new CloneRulesAuditView(audit.id, audit.changedBy, audit.changedAt, audit.before, audit.after);
    }
}
