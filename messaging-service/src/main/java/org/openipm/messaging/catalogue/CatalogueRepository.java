package org.openipm.messaging.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openipm.events.product.ProductSnapshot;

/**
 * This service's copy of the catalogue: which published products carry a GTIN, of which brand, and whether the
 * snapshot's {@code verifiedGtins} confirm that the brand owns it. A brand merely claiming a GTIN is recorded as
 * such, so the officer can see the claim, but it never draws a case to that brand.
 */
@ApplicationScoped
public class CatalogueRepository {

    private final EntityManager entityManager;

    public CatalogueRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Applies a snapshot newer than the one held; a draft or retired product designates nothing any more. */
    public void apply(ProductSnapshot snapshot) {
        boolean published = "PUBLISHED".equals(snapshot.status());
        int changed = entityManager.createNativeQuery("insert into catalogue_product (product_id, brand_id, "
                        + "brand_name, name, version, published) values (?1, ?2, ?3, ?4, ?5, ?6) "
                        + "on conflict (product_id) do update set brand_id = excluded.brand_id, "
                        + "brand_name = excluded.brand_name, name = excluded.name, version = excluded.version, "
                        + "published = excluded.published where catalogue_product.version < excluded.version")
                .setParameter(1, snapshot.productId()).setParameter(2, snapshot.brandId())
                .setParameter(3, truncate(snapshot.brandName(), 200)).setParameter(4, truncate(snapshot.name(), 500))
                .setParameter(5, snapshot.version()).setParameter(6, published).executeUpdate();
        if (changed == 0) {
            return;
        }
        entityManager.createNativeQuery("delete from catalogue_gtin where product_id = ?1")
                .setParameter(1, snapshot.productId()).executeUpdate();
        if (!published || snapshot.gtins() == null) {
            return;
        }
        for (String gtin : snapshot.gtins().stream().distinct().toList()) {
            entityManager.createNativeQuery("insert into catalogue_gtin (gtin, product_id, brand_id, verified) "
                            + "values (?1, ?2, ?3, ?4) on conflict do nothing")
                    .setParameter(1, gtin).setParameter(2, snapshot.productId())
                    .setParameter(3, snapshot.brandId()).setParameter(4, snapshot.verifies(gtin)).executeUpdate();
        }
    }

    /** Every published product carrying the GTIN-14, verified owners first, then by brand and product. */
    public List<CatalogueEntry> byGtin(String gtin) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select g.product_id, g.brand_id, p.brand_name, p.name, "
                + "g.verified from catalogue_gtin g join catalogue_product p on p.product_id = g.product_id "
                + "where g.gtin = ?1 order by g.verified desc, g.brand_id, g.product_id").setParameter(1, gtin)
                .getResultList();
        return rows.stream().map(row -> new CatalogueEntry((UUID) row[0], (String) row[1], (String) row[2],
                (String) row[3], (Boolean) row[4])).toList();
    }

    /** The published product of that id; the brand owns its own product entry, so it counts as verified. */
    public Optional<CatalogueEntry> byProduct(UUID productId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select brand_id, brand_name, name from "
                + "catalogue_product where product_id = ?1 and published").setParameter(1, productId)
                .getResultList();
        return rows.stream().findFirst().map(row -> new CatalogueEntry(productId, (String) row[0], (String) row[1],
                (String) row[2], true));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** One product a code or product id designates; {@code verified} says whether it makes its brand a participant. */
    public record CatalogueEntry(UUID productId, String brandId, String brandName, String productName,
            boolean verified) {
    }
}
