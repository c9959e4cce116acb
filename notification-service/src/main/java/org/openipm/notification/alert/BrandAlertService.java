package org.openipm.notification.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openipm.notification.catalogue.BrandProducts;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.Problem.FieldError;
import org.openipm.platform.problem.ProblemException;

/**
 * Brands' alerts to officers: checked, limited per brand, kept as sent, and stored as alerts for their audiences
 * (see {@link BrandAlerts}) in one transaction, which also tells the live streams.
 */
@ApplicationScoped
public class BrandAlertService {

    private final EntityManager entityManager;
    private final AlertRepository alerts;
    private final BrandProducts products;
    private final BrandAlertSettings settings;

    public BrandAlertService(EntityManager entityManager, AlertRepository alerts, BrandProducts products,
            BrandAlertSettings settings) {
        this.entityManager = entityManager;
        this.alerts = alerts;
        this.products = products;
        this.settings = settings;
    }

    @Transactional
    public SentBrandAlert send(String brand, BrandAlertRequest request) {
        List<FieldError> errors = new ArrayList<>(BrandAlertRules.violations(request));
        Set<UUID> owned = products.ownedBy(brand, request.productIdsOrNone());
        for (int i = 0; i < request.productIdsOrNone().size(); i++) {
            if (!owned.contains(request.productIdsOrNone().get(i))) {
                // The same words for another brand's product and for none: nothing is learnt about others.
                errors.add(new FieldError("productIds[" + i + "]", "is not a product of " + brand));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of("invalid-brand-alert", "Bad Request", 400, errors.stream()
                    .map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "))).withErrors(errors));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        checkAllowance(brand, now);
        SentBrandAlert sent = new SentBrandAlert(UUID.randomUUID(), brand, request.kind(), request.text(),
                request.productIdsOrNone(), request.targetCountries(), request.authorityTypes(),
                request.photoUrlsOrNone(), now);
        entityManager.createNativeQuery("insert into brand_alert (id, brand_id, kind, text, product_ids, "
                        + "target_countries, authority_types, photo_urls, sent_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                        + "?8, ?9)")
                .setParameter(1, sent.id()).setParameter(2, brand).setParameter(3, sent.kind())
                .setParameter(4, sent.text()).setParameter(5, sent.productIds().toArray(UUID[]::new))
                .setParameter(6, sent.targetCountries().toArray(String[]::new))
                .setParameter(7, sent.authorityTypes().toArray(String[]::new))
                .setParameter(8, sent.photoUrls().toArray(String[]::new))
                .setParameter(9, now.atOffset(ZoneOffset.UTC)).executeUpdate();
        alerts.saveAll(BrandAlerts.of(sent.id(), brand, request, now));
        return sent;
    }

    /** The brand's own alert as it sent it; another brand's reads as absent. */
    public Optional<SentBrandAlert> sent(String brand, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select id, brand_id, kind, text, product_ids, "
                        + "target_countries, authority_types, photo_urls, sent_at from brand_alert "
                        + "where id = ?1 and brand_id = ?2").setParameter(1, id).setParameter(2, brand).getResultList();
        return rows.stream().findFirst().map(row -> new SentBrandAlert((UUID) row[0], (String) row[1],
                (String) row[2], (String) row[3], List.of((UUID[]) row[4]), List.of((String[]) row[5]),
                List.of((String[]) row[6]), List.of((String[]) row[7]), instant(row[8])));
    }

    /**
     * Refuses past the allowance. The brand's sends are serialised by a transaction-scoped advisory lock, so two
     * concurrent requests cannot both take the last place.
     */
    private void checkAllowance(String brand, Instant now) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "brand-alert:" + brand).getSingleResult();
        Instant windowStart = now.minus(settings.per());
        @SuppressWarnings("unchecked")
        List<Object> sentTimes = entityManager.createNativeQuery("select sent_at from brand_alert where brand_id = ?1 "
                        + "and sent_at > ?2 order by sent_at desc limit ?3")
                .setParameter(1, brand).setParameter(2, windowStart.atOffset(ZoneOffset.UTC))
                .setParameter(3, settings.requests()).getResultList();
        if (sentTimes.size() >= settings.requests()) {
            Instant freedAt = instant(sentTimes.get(sentTimes.size() - 1)).plus(settings.per());
            long seconds = Math.max(1, Duration.between(now, freedAt).toSeconds() + 1);
            throw ProblemException.tooManyRequests("brand-alert-limit", brand + " has sent " + settings.requests()
                    + " alerts to officers in the last " + settings.per() + "; the next may go in " + seconds + " s",
                    seconds);
        }
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant()
                : value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }

    /** A brand's alert as sent. */
    public record SentBrandAlert(UUID id, String brand, String kind, String text, List<UUID> productIds,
            List<String> targetCountries, List<String> authorityTypes, List<String> photoUrls, Instant sentAt) {
    }
}
