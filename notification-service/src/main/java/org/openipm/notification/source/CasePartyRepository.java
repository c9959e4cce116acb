package org.openipm.notification.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openipm.notification.alert.CaseParties;

/** Who takes part in each case (table {@code case_party}), kept from {@code case-events}. */
@ApplicationScoped
public class CasePartyRepository {

    static final String FLAGGING = "FLAGGING";
    static final String RIGHT_HOLDER = "RIGHT_HOLDER";
    static final String INVITED = "INVITED";

    private final EntityManager entityManager;

    public CasePartyRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void addAuthority(UUID caseId, String authority, String role) {
        add(caseId, "AUTHORITY", authority, role);
    }

    public void addBrand(UUID caseId, String brand) {
        add(caseId, "BRAND", brand, RIGHT_HOLDER);
    }

    private void add(UUID caseId, String kind, String id, String role) {
        entityManager.createNativeQuery("insert into case_party (case_id, party_kind, party_id, role) "
                        + "values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, caseId).setParameter(2, kind).setParameter(3, id).setParameter(4, role)
                .executeUpdate();
    }

    /** Empty when the case's opening was never seen. */
    public Optional<CaseParties> of(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select party_kind, party_id, role from case_party "
                + "where case_id = ?1 order by role <> 'FLAGGING', party_id").setParameter(1, caseId).getResultList();
        String holder = null;
        List<String> authorities = new ArrayList<>();
        List<String> brands = new ArrayList<>();
        for (Object[] row : rows) {
            if ("BRAND".equals(row[0])) {
                brands.add((String) row[1]);
            } else {
                authorities.add((String) row[1]);
                if (FLAGGING.equals(row[2])) {
                    holder = (String) row[1];
                }
            }
        }
        return holder == null ? Optional.empty() : Optional.of(new CaseParties(caseId, holder, authorities, brands));
    }
}
