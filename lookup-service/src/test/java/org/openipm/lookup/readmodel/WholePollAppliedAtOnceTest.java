package org.openipm.lookup.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.openipm.lookup.CatalogueEvents.lookupAsOfficer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.lookup.CatalogueEvents;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.TopicReader;

/**
 * A poll is applied as one set of statements: records sent back to back on one partition end exactly where
 * applying them one by one would, and a snapshot the database refuses costs only itself.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class WholePollAppliedAtOnceTest {

    @Test
    void aBurstOfVersionsAndProductsEndsOnEachProductsNewestSnapshot() {
        var watch = CatalogueEvents.product();
        String[] gtins = { CatalogueEvents.newGtin13(), CatalogueEvents.newGtin13(), CatalogueEvents.newGtin13() };
        String otherGtin = CatalogueEvents.newGtin13();
        var other = CatalogueEvents.product().gtins(otherGtin);

        RecordMetadata first = CatalogueEvents.send(null, watch.version(1).name("One").gtins(gtins[0]).snapshot());
        CatalogueEvents.send(first.partition(), other.snapshot());
        CatalogueEvents.send(first.partition(), watch.version(3).name("Three").gtins(gtins[2]).snapshot());
        CatalogueEvents.send(first.partition(), watch.version(2).name("Two, late").gtins(gtins[1]).snapshot());

        CatalogueEvents.awaitFound(gtins[2], 1);
        CatalogueEvents.awaitFound(otherGtin, 1);
        lookupAsOfficer(gtins[2]).body("products[0].product.name", equalTo("Three"));
        lookupAsOfficer(gtins[0]).body("products.size()", equalTo(0));
        lookupAsOfficer(gtins[1]).body("products.size()", equalTo(0));
    }

    @Test
    void aSnapshotTheDatabaseRefusesIsSetAsideAndTheRestOfItsPollApplied() {
        String before = CatalogueEvents.newGtin13();
        String after = CatalogueEvents.newGtin13();
        // product.name is varchar(300): a 400-character name is readable JSON that the database refuses.
        ProductSnapshot refused = CatalogueEvents.product().name("N".repeat(400)).gtins(CatalogueEvents.newGtin13())
                .snapshot();

        RecordMetadata first = CatalogueEvents.send(null, CatalogueEvents.product().gtins(before).snapshot());
        CatalogueEvents.send(first.partition(), refused);
        CatalogueEvents.send(first.partition(), CatalogueEvents.product().gtins(after).snapshot());

        CatalogueEvents.awaitFound(before, 1);
        CatalogueEvents.awaitFound(after, 1);
        try (TopicReader deadLetters = new TopicReader(PoisonRecordTest.DEAD_LETTERS)) {
            List<ConsumerRecord<String, String>> parked = deadLetters.await(
                    r -> refused.productId().toString().equals(r.key()), 1, Duration.ofSeconds(20));
            assertThat(TopicReader.header(parked.get(0), "dead-letter-reason")).isNotBlank();
        }
    }
}
