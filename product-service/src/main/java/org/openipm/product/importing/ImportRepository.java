package org.openipm.product.importing;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ImportRepository implements PanacheRepositoryBase<ImportJob, UUID> {

    public List<ImportJob> unfinished() {
        return list("status in ?1 order by createdAt", ImportStatus.UNFINISHED);
    }

    public boolean hasPending(String brandId) {
        return count("brandId = ?1 and status in ?2", brandId, ImportStatus.UNFINISHED) > 0;
    }

    public List<ImportError> errorsOf(UUID jobId, int limit) {
        return getEntityManager()
                .createQuery("from ImportError where jobId = ?1 order by line", ImportError.class)
                .setParameter(1, jobId).setMaxResults(limit).getResultList();
    }

    public void deleteErrorsOf(UUID jobId) {
        getEntityManager().createQuery("delete from ImportError where jobId = ?1").setParameter(1, jobId)
                .executeUpdate();
    }

    public void addError(ImportError error) {
        getEntityManager().persist(error);
    }
}
