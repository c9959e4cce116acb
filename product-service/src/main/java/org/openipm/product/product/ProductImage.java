package org.openipm.product.product;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "product_image")
public class ProductImage {
    @Id
    public UUID id;
    public UUID productId;
    public String contentType;
    public int sizeBytes;
    @Basic(fetch = FetchType.LAZY)
    public byte[] data;
    public Instant createdAt;
}
