package org.openipm.product.infringer;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InfringerRepository implements PanacheRepositoryBase<Infringer, UUID> {

    public List<Infringer> ofBrand(String brandId, int page, int size) {
        return find("brandId = ?1 order by createdAt, id", brandId).page(Page.of(page, size)).list();
    }

    public long countOfBrand(String brandId) {
        return count("brandId", brandId);
    }

    /** The brand's entry of this id; another brand's entry is as absent as an unknown one. */
    public Optional<Infringer> ofBrand(String brandId, UUID id) {
        return findByIdOptional(id).filter(entry -> entry.brandId.equals(brandId));
    }

    /** The brand's entry of this kind and value (compared without case), other than {@code except}. */
    public boolean listed(String brandId, InfringerKind kind, String value, UUID except) {
        return count("brandId = ?1 and kind = ?2 and lower(value) = lower(?3) and id <> ?4", brandId, kind, value,
                except) > 0;
    }
}
