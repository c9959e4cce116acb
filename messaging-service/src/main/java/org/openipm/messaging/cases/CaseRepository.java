package org.openipm.messaging.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<ShipmentCase, UUID> {
}
