package org.openipm.product.accesslog;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AccessLogRepository implements PanacheRepositoryBase<AccessLogEntry, UUID> {

    public List<AccessLogEntry> ofBrand(String brandId, int page, int size) {
        return find("brandId", Sort.descending("viewedAt").and("viewId"), brandId).page(Page.of(page, size)).list();
    }

    public long countOfBrand(String brandId) {
        return count("brandId", brandId);
    }
}
