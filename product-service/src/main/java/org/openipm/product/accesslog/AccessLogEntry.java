package org.openipm.product.accesslog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "access_log_entry")
public class AccessLogEntry {
    @Id
    public UUID viewId;
    public UUID productId;
    public String brandId;
    public String officer;
    public String authority;
    public String country;
    public String code;
    public Instant viewedAt;
}
