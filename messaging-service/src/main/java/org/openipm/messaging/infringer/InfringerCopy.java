package org.openipm.messaging.infringer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.openipm.events.infringers.InfringerDelisted;
import org.openipm.events.infringers.InfringerListed;

/**
 * This service's copy of the brands' lists of known infringers (plain SQL read model). A record applies only when
 * its version is newer than the one held, so repeats and replays change nothing.
 */
@ApplicationScoped
public class InfringerCopy {

    private final EntityManager entityManager;

    public InfringerCopy(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void listed(InfringerListed entry) {
        String key = InfringerMatcher.keyOf(new InfringerMatcher.Listed(entry.kind(), entry.value())).orElse(null);
        entityManager.createNativeQuery("insert into infringer_entry (entry_id, brand_id, kind, value, country, "
                        + "evidence, version, match_key, removed, changed_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                        + "false, ?9) on conflict (entry_id) do update set brand_id = excluded.brand_id, "
                        + "kind = excluded.kind, value = excluded.value, country = excluded.country, "
                        + "evidence = excluded.evidence, version = excluded.version, match_key = excluded.match_key, "
                        + "removed = false, changed_at = excluded.changed_at "
                        + "where infringer_entry.version < excluded.version")
                .setParameter(1, entry.entryId()).setParameter(2, entry.brandId()).setParameter(3, entry.kind())
                .setParameter(4, entry.value()).setParameter(5, entry.country()).setParameter(6, entry.evidence())
                .setParameter(7, entry.version()).setParameter(8, key).setParameter(9, entry.listedAt())
                .executeUpdate();
    }

    public void delisted(InfringerDelisted removal) {
        entityManager.createNativeQuery("insert into infringer_entry (entry_id, brand_id, kind, value, evidence, "
                        + "version, removed, changed_at) values (?1, ?2, 'REMOVED', '', '', ?3, true, ?4) "
                        + "on conflict (entry_id) do update set version = excluded.version, removed = true, "
                        + "match_key = null, changed_at = excluded.changed_at "
                        + "where infringer_entry.version < excluded.version")
                .setParameter(1, removal.entryId()).setParameter(2, removal.brandId())
                .setParameter(3, removal.version()).setParameter(4, removal.delistedAt()).executeUpdate();
    }

    /** The entries stored under any of the lookup's keys: the candidates the matcher then decides on. */
    public List<Entry> candidates(InfringerMatcher.Lookup lookup) {
        if (lookup.empty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select entry_id, brand_id, kind, value, country, "
                        + "evidence from infringer_entry where not removed and ("
                        + "(kind = 'CONSIGNOR_NAME' and match_key = ?1) or (kind = 'CONSIGNOR_ADDRESS' and match_key = ?2)"
                        + " or (kind = 'SELLER_URL' and match_key = ?3)"
                        + " or (kind = 'SELLER_DOMAIN' and match_key = any(cast(?4 as varchar[])))) "
                        + "order by brand_id, kind, entry_id")
                .setParameter(1, nullable(lookup.name())).setParameter(2, nullable(lookup.address()))
                .setParameter(3, nullable(lookup.sellerHost()))
                .setParameter(4, lookup.sellerHostAndParents().toArray(String[]::new))
                .getResultList();
        return rows.stream().map(r -> new Entry((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5])).toList();
    }

    /**
     * The entries stored under any key of any of the lookups, in one query: the candidates for a whole batch of
     * seizures, which the matcher then decides on party by party.
     */
    public List<Entry> candidatesOfAll(List<InfringerMatcher.Lookup> lookups) {
        java.util.Set<String> names = new java.util.HashSet<>();
        java.util.Set<String> addresses = new java.util.HashSet<>();
        java.util.Set<String> hosts = new java.util.HashSet<>();
        java.util.Set<String> domains = new java.util.HashSet<>();
        for (InfringerMatcher.Lookup lookup : lookups) {
            if (lookup.name() != null) {
                names.add(lookup.name());
            }
            if (lookup.address() != null) {
                addresses.add(lookup.address());
            }
            if (lookup.sellerHost() != null) {
                hosts.add(lookup.sellerHost());
            }
            domains.addAll(lookup.sellerHostAndParents());
        }
        if (names.isEmpty() && addresses.isEmpty() && hosts.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select entry_id, brand_id, kind, value, country, "
                        + "evidence from infringer_entry where not removed and ("
                        + "(kind = 'CONSIGNOR_NAME' and match_key = any(cast(?1 as varchar[])))"
                        + " or (kind = 'CONSIGNOR_ADDRESS' and match_key = any(cast(?2 as varchar[])))"
                        + " or (kind = 'SELLER_URL' and match_key = any(cast(?3 as varchar[])))"
                        + " or (kind = 'SELLER_DOMAIN' and match_key = any(cast(?4 as varchar[])))) "
                        + "order by brand_id, kind, entry_id")
                .setParameter(1, names.toArray(String[]::new)).setParameter(2, addresses.toArray(String[]::new))
                .setParameter(3, hosts.toArray(String[]::new)).setParameter(4, domains.toArray(String[]::new))
                .getResultList();
        return rows.stream().map(r -> new Entry((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5])).toList();
    }

    /** Never matches a stored key, and keeps the parameter typed as text. */
    private static String nullable(String key) {
        return key == null ? "" : key;
    }

    /** An entry of a brand's list as this service holds it. */
    public record Entry(UUID entryId, String brandId, String kind, String value, String country, String evidence) {
    }
}
