package org.openipm.messaging.authority;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An enforcement authority of one country, with the offices where its officers control goods. */
@Entity
@Table(name = "authority")
public class Authority {
    @Id
    public String id;
    public String name;
    public String country;
    @Enumerated(EnumType.STRING)
    public AuthorityType type;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Office> offices = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> languages = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<ContactPoint> contacts = new ArrayList<>();
    public Instant createdAt;
    public Instant updatedAt;

    public Optional<Office> office(String code) {
        return offices.stream().filter(o -> o.code().equals(code)).findFirst();
    }
}
