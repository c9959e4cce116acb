package org.openipm.messaging.operation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A joint operation: who takes part, when, and what it targets. */
@Entity
public class Operation {
    @Id
    public UUID id;
    public String name;
    public LocalDate startsOn;
    public LocalDate endsOn;
    public String leadAuthority;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> authorities;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> brands;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> targetGoods;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<OperationRequest.Route> targetRoutes;
    public String createdBy;
    public Instant createdAt;
    public Instant updatedAt;

    public boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
