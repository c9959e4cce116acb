package org.openipm.lookup.readmodel;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.openipm.lookup.CatalogueEvents.lookupAsOfficer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.openipm.lookup.CatalogueEvents;
import org.openipm.testing.PlatformTestResource;

/** Officers see exactly the catalogue's published products, whatever order or number of times events arrive. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ReadModelFollowsTheCatalogueTest {

    @Test
    void retiredProductIsNoLongerFound() {
        String gtin = CatalogueEvents.newGtin13();
        var product = CatalogueEvents.product().gtins(gtin);
        product.send();
        CatalogueEvents.awaitFound(gtin, 1);

        product.version(2).status("RETIRED").send();
        CatalogueEvents.awaitFound(gtin, 0);
    }

    @Test
    void productTakenBackToDraftIsNoLongerFound() {
        String gtin = CatalogueEvents.newGtin13();
        var product = CatalogueEvents.product().gtins(gtin);
        product.send();
        CatalogueEvents.awaitFound(gtin, 1);

        product.version(2).status("DRAFT").send();
        CatalogueEvents.awaitFound(gtin, 0);
    }

    @Test
    void changedProductShowsItsNewStateAndCodes() {
        String oldGtin = CatalogueEvents.newGtin13();
        String newGtin = CatalogueEvents.newGtin13();
        var product = CatalogueEvents.product().name("Before").gtins(oldGtin);
        product.send();
        CatalogueEvents.awaitFound(oldGtin, 1);

        product.version(2).name("After").gtins(newGtin).send();
        CatalogueEvents.awaitFound(newGtin, 1);
        lookupAsOfficer(newGtin).body("products[0].product.name", equalTo("After"));
        lookupAsOfficer(oldGtin).body("products", hasSize(0));
    }

    @Test
    void replayedEventsChangeNothing() {
        String gtin = CatalogueEvents.newGtin13();
        var product = CatalogueEvents.product().name("Version one").gtins(gtin);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        CatalogueEvents.send(product.snapshot(), first);
        CatalogueEvents.send(product.version(2).name("Version two").snapshot(), second);
        CatalogueEvents.awaitFound(gtin, 1);

        CatalogueEvents.send(product.version(1).name("Version one").snapshot(), first);
        RecordMetadata last = CatalogueEvents.send(product.version(2).name("Version two").snapshot(), second);
        CatalogueEvents.awaitConsumedPast(last);

        lookupAsOfficer(gtin).body("products", hasSize(1)).body("products[0].product.name", equalTo("Version two"))
                .body("products[0].product.version", equalTo(2));
    }

    @Test
    void olderVersionArrivingLateIsIgnored() {
        String gtin = CatalogueEvents.newGtin13();
        var product = CatalogueEvents.product().gtins(gtin);
        product.version(3).status("RETIRED").send();
        RecordMetadata late = product.version(2).status("PUBLISHED").send();
        CatalogueEvents.awaitConsumedPast(late);

        lookupAsOfficer(gtin).body("products", hasSize(0));
    }

}
