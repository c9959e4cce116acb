package org.openipm.lookup.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.openipm.lookup.CatalogueEvents.lookupAsOfficer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openipm.lookup.CatalogueEvents;
import org.openipm.lookup.readmodel.ReadModelService;
import org.openipm.testing.PlatformTestResource;

/**
 * Codes scanned again are answered from memory, and memory is never staler than the notification of a commit:
 * whichever instance applied the change, whatever the scan found before (a product, nothing, another IMEI range),
 * and even while the connection that hears the changes is down. The cache keeps answers for a minute, so every
 * test here would fail on a stale answer if a change were missed.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LookupAnswersFromMemoryTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(3);

    @Inject
    MeterRegistry metrics;
    @Inject
    ReadModelListener listener;
    @Inject
    ReadModelService readModel;
    @Inject
    EntityManager entityManager;

    @BeforeEach
    void changesAreHeard() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(listener::isListening);
    }

    @Test
    void aCodeScannedAgainIsAnsweredFromMemoryWithTheSameProduct() {
        String gtin = CatalogueEvents.newGtin13();
        var watch = CatalogueEvents.product().name("Diver 300").gtins(gtin);
        watch.send();
        CatalogueEvents.awaitFound(gtin, 1);
        lookupAsOfficer(gtin);

        double hitsBefore = cache("hit");
        for (int i = 0; i < 3; i++) {
            lookupAsOfficer(gtin).body("products", hasSize(1)).body("products[0].product.name", equalTo("Diver 300"))
                    .body("products[0].contacts.country", containsInAnyOrder("FR", "*"));
        }
        assertThat(cache("hit") - hitsBefore).isEqualTo(3);
    }

    @Test
    void aChangeAppliedByAnyInstanceIsSeenAtOnce() {
        String gtin = CatalogueEvents.newGtin13();
        var watch = publishedAndScannedTwice(CatalogueEvents.product().name("Before").gtins(gtin), gtin);

        // What another instance does when the product's partition is its own: apply and commit, no event here.
        QuarkusTransaction.requiringNew().run(() -> readModel.apply(watch.version(2).name("After").snapshot()));

        Awaitility.await().atMost(PROMPTLY).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                lookupAsOfficer(gtin).body("products[0].product.name", equalTo("After")));
    }

    @Test
    void aCodeFirstScannedUnknownIsFoundOnceAProductClaimsIt() {
        String gtin = CatalogueEvents.newGtin13();
        lookupAsOfficer(gtin).body("products", hasSize(0));
        lookupAsOfficer(gtin).body("products", hasSize(0));

        CatalogueEvents.product().gtins(gtin).send();
        awaitFoundByTheSameOfficer(gtin, 1);
    }

    @Test
    void anImeiFirstScannedUnknownIsFoundOnceItsRangeIsPublished() {
        String tac = "86" + CatalogueEvents.digits(6);
        String imei = CatalogueEvents.imei(tac + "000042");
        lookupAsOfficer(imei).body("products", hasSize(0));
        lookupAsOfficer(imei).body("products", hasSize(0));

        CatalogueEvents.product().category("ELECTRONICS").tacRange(tac, tac).send();
        awaitFoundByTheSameOfficer(imei, 1);
    }

    @Test
    void aRetiredProductLeavesTheAnswersThatShowedIt() {
        String gtin = CatalogueEvents.newGtin13();
        var watch = publishedAndScannedTwice(CatalogueEvents.product().gtins(gtin), gtin);

        QuarkusTransaction.requiringNew().run(() -> readModel.apply(watch.version(2).status("RETIRED").snapshot()));

        Awaitility.await().atMost(PROMPTLY).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                lookupAsOfficer(gtin).body("products", hasSize(0)));
    }

    @Test
    void whileChangesCannotBeHeardNothingIsServedFromMemory() {
        String gtin = CatalogueEvents.newGtin13();
        var watch = publishedAndScannedTwice(CatalogueEvents.product().name("Before").gtins(gtin), gtin);

        Integer listenerPid = listener.backendPid();
        assertThat(listenerPid).isNotNull();
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("select pg_terminate_backend(?1)").setParameter(1, listenerPid).getSingleResult());
        Awaitility.await().atMost(PROMPTLY).until(() -> !listener.isListening());

        // Committed while nobody listens (the test profile waits 2 s before reconnecting): its notice is lost.
        QuarkusTransaction.requiringNew().run(() -> readModel.apply(watch.version(2).name("After").snapshot()));
        double bypassedBefore = cache("bypass");
        lookupAsOfficer(gtin).body("products[0].product.name", equalTo("After"));
        assertThat(cache("bypass")).isGreaterThan(bypassedBefore);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(listener::isListening);
        lookupAsOfficer(gtin).body("products[0].product.name", equalTo("After"));
        lookupAsOfficer(gtin).body("products[0].product.name", equalTo("After"));
    }

    /** Publishes the product and scans the code twice, so that its answer is in memory. */
    private static CatalogueEvents.Product publishedAndScannedTwice(CatalogueEvents.Product product, String gtin) {
        product.send();
        CatalogueEvents.awaitFound(gtin, 1);
        lookupAsOfficer(gtin);
        lookupAsOfficer(gtin).body("products", hasSize(1));
        return product;
    }

    /** The same officer, so the same cached answer (CatalogueEvents.awaitFound looks up as an admin). */
    private static void awaitFoundByTheSameOfficer(String code, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                lookupAsOfficer(code).body("products", hasSize(count)));
    }

    private double cache(String result) {
        return metrics.get("openipm.lookup.cache").tag("result", result).counter().count();
    }

}
