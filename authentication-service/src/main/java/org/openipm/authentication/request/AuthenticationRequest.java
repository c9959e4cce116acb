package org.openipm.authentication.request;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One officer's question "is this mark genuine?" and, once recorded, its verdict. */
@Entity
@Table(name = "authentication_request")
public class AuthenticationRequest {

    public static final String PENDING = "PENDING";
    public static final String COMPLETED = "COMPLETED";

    @Id
    public UUID id;
    public String status;
    public String code;
    public String codeKind;
    public String gtin;
    public String serial;
    public UUID productId;
    public String brandId;
    public String authority;
    public String country;
    public String placeCountry;
    public String placeOffice;
    public Double latitude;
    public Double longitude;
    public String requestedBy;
    public Instant requestedAt;
    @Enumerated(EnumType.STRING)
    public AuthenticationVerdict verdict;
    @Enumerated(EnumType.STRING)
    public AuthenticationVerdict providerVerdict;
    public Double confidence;
    public boolean probableClone;
    public String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    public Evidence evidence;
    public String providerId;
    public String providerReference;
    public Long providerLatencyMs;
    /** Kafka connector: when the query was written to the provider's topic, and by when its answer is due. */
    public Instant askedAt;
    public Instant answerDueAt;
    public Instant completedAt;

    public boolean isCompleted() {
        return COMPLETED.equals(status);
    }
}
