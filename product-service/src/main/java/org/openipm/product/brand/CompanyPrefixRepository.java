package org.openipm.product.brand;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.openipm.product.domain.PrefixProposal;

@ApplicationScoped
public class CompanyPrefixRepository implements PanacheRepositoryBase<CompanyPrefix, CompanyPrefix.Key> {

    /** Arbitrary constant: the key of the advisory lock that serialises every grant of prefixes and GTINs. */
    private static final long GRANTS_LOCK = 0x6f6970_6d70726566L;

    public Optional<CompanyPrefix> find(String brandId, String prefix) {
        return findByIdOptional(new CompanyPrefix.Key(brandId, prefix));
    }

    public List<CompanyPrefix> ofBrand(String brandId) {
        return list("brandId = ?1 order by proposedAt, prefix", brandId);
    }

    public List<CompanyPrefix> withStatus(PrefixProposal.Status status) {
        return list("status = ?1 order by proposedAt, brandId, prefix", status);
    }

    /** Approved prefixes of other brands that overlap this one (equal, nesting it, or nested in it). */
    public List<CompanyPrefix> approvedOverlapsOfOthers(String prefix, String brandId) {
        return list("status = ?1 and brandId <> ?2 and (prefix like ?3 or locate(prefix, ?4) = 1)",
                PrefixProposal.Status.APPROVED, brandId, prefix + "%", prefix);
    }

    /**
     * Held until the transaction ends, so two grants cannot both pass the overlap check and commit; grants are rare
     * administrative acts, so one lock for all of them costs nothing.
     */
    public void lockGrants() {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, GRANTS_LOCK)
                .getSingleResult();
    }
}
