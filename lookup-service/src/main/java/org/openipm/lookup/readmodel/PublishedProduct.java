package org.openipm.lookup.readmodel;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A product officers may see. Only the plain columns are mapped: the JSON columns are written and read by the
 * repositories' SQL, which casts them without a round trip through Java objects.
 */
@Entity
@Table(name = "product")
public class PublishedProduct {
    @Id
    public UUID id;
    public String brandId;
    public String brandName;
    public String name;
    public String category;
    public String description;
    public long version;
}
