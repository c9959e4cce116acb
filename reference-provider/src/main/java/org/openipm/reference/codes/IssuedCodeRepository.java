package org.openipm.reference.codes;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IssuedCodeRepository implements PanacheRepositoryBase<IssuedCode, UUID> {

    public Optional<IssuedCode> find(String gtin, String serial) {
        return find("gtin = ?1 and serial = ?2", gtin, serial).firstResultOptional();
    }
}
