package org.openipm.product.brand;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.openipm.product.domain.GtinLicence;

/** A GTIN licensed to a brand one by one, outside any company prefix, verified by an administrator. */
@Entity
@Table(name = "licensed_gtin")
public class LicensedGtin {
    @Id
    public String gtin;
    public String brandId;
    public String grantedBy;
    public Instant grantedAt;

    public GtinLicence licence() {
        return new GtinLicence(gtin, brandId, grantedBy, grantedAt);
    }
}
