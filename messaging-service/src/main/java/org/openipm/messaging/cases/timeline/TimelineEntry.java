package org.openipm.messaging.cases.timeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One stored timeline entry. Immutable for Hibernate as for the database: entries are only ever inserted. */
@Entity
@Immutable
@Table(name = "case_timeline_entry")
public class TimelineEntry extends PanacheEntityBase {

    /** The actor of entries the service itself makes, such as a deadline missed. */
    public static final String SYSTEM = "SYSTEM";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id")
    public UUID caseId;
    public Instant at;
    @Enumerated(EnumType.STRING)
    public TimelineKind kind;
    @Column(name = "actor_kind")
    public String actorKind;
    @Column(name = "actor_id")
    public String actorId;
    public String summary;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> details;
    /** Null: every brand participant sees the entry. */
    @Column(name = "brand_audience")
    public String[] brandAudience;
    public Long corrects;

    public boolean visibleToBrand(String brandId) {
        return brandAudience == null || List.of(brandAudience).contains(brandId);
    }
}
