package org.openipm.product.brand;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.openipm.product.domain.BrandDetails;
import org.openipm.product.domain.BrandFacts;
import org.openipm.product.domain.Contact;
import org.openipm.product.domain.GtinOwnership;

/** A right holder: the owner of a catalogue. Its id is the {@code org} claim of its users' tokens. */
@Entity
public class Brand {
    @Id
    public String id;
    public String name;
    /**
     * GS1 company prefixes an administrator granted the brand (see CompanyPrefixService; never set from the brand's
     * own edits): a GTIN outside them is stored but unverified.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> companyPrefixes = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> countries = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Contact> contacts = new ArrayList<>();
    @Version
    public long version;
    public Instant createdAt;
    public Instant updatedAt;

    /** In a GTIN-14 the company prefix follows the indicator digit (GTIN-8/12/13 are zero-padded to 14). */
    public boolean licensesPrefixOf(String gtin14) {
        return GtinOwnership.insideAnyPrefix(companyPrefixes, gtin14);
    }

    /** What its products show of the brand, as it is now (an immutable copy: it describes the brand before a change). */
    public BrandFacts facts() {
        return new BrandFacts(id, name, companyPrefixes, contacts);
    }

    /** The brand as its services return it; the caller flushes first, so that {@code version} is the one committed. */
    public BrandDetails details() {
        return new BrandDetails(id, name, companyPrefixes, countries, contacts, version, createdAt, updatedAt);
    }
}
