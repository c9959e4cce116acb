package org.openipm.reference.codes;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ScanRepository implements PanacheRepositoryBase<Scan, UUID> {

    public List<Scan> ofCode(UUID codeId) {
        return list("codeId = ?1 order by scannedAt", codeId);
    }
}
