package org.openipm.messaging.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.messaging.Fixtures;
import org.openipm.messaging.Fixtures.Product;
import org.openipm.messaging.catalogue.CatalogueRepository.CatalogueEntry;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.TopicReader;

/** messaging-service's copy of the catalogue follows product-events through the real broker. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CatalogueCopyTest {

    static final String DEAD_LETTERS = Topics.deadLetterOf(Topics.PRODUCT_EVENTS, "messaging-service");

    @Inject
    CatalogueRepository catalogue;

    @Test
    void aGtinIsKnownWithItsBrandAndWhetherTheBrandsOwnershipIsVerified() {
        String verified = Fixtures.newGtin14();
        String claimed = Fixtures.newGtin14();
        Product product = new Product(UUID.randomUUID(), Fixtures.newId("brand"), "Watch", List.of(verified, claimed),
                List.of(verified));
        Fixtures.publish(product, 1, "PUBLISHED");
        Fixtures.awaitCatalogue(product);

        assertThat(byGtin(verified)).containsExactly(new CatalogueEntry(product.productId(), product.brandId(),
                "Brand " + product.brandId(), "Watch", true));
        assertThat(byGtin(claimed)).extracting(CatalogueEntry::verified).containsExactly(false);
    }

    @Test
    void theNewestSnapshotWinsAndARetiredProductDesignatesNothing() {
        Product product = Fixtures.verifiedProduct(Fixtures.newId("brand"));
        Product renamed = new Product(product.productId(), product.brandId(), "Renamed", product.gtins(),
                product.verifiedGtins());
        Fixtures.publish(renamed, 3, "PUBLISHED");
        Fixtures.awaitCatalogue(product, 3);
        Fixtures.publish(product, 2, "PUBLISHED");  // late and older: ignored
        UUID retirement = Fixtures.publish(product, 4, "RETIRED");
        Fixtures.awaitCatalogue(product, 4);

        assertThat(byGtin(product.gtin())).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> catalogue.byProduct(product.productId()))).isEmpty();

        // The same event delivered again (same id) changes nothing, even if it were to carry another snapshot.
        Fixtures.publish(renamed, 9, "PUBLISHED", retirement);
        Product marker = Fixtures.verifiedProduct(product.brandId());
        Fixtures.awaitCatalogue(marker);
        assertThat(byGtin(product.gtin())).isEmpty();
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicAndTheNextGoodOneIsApplied() {
        String key = UUID.randomUUID().toString();
        RecordMetadata first = Fixtures.send(Topics.PRODUCT_EVENTS, null, key,
                "not json".getBytes(StandardCharsets.UTF_8),
                Fixtures.cloudEventHeaders(UUID.randomUUID(), EventTypes.PRODUCT_PUBLISHED, "product-service"));
        Fixtures.send(Topics.PRODUCT_EVENTS, first.partition(), key,
                "{\"product\":{\"name\":\"no id\"}}".getBytes(StandardCharsets.UTF_8),
                Fixtures.cloudEventHeaders(UUID.randomUUID(), EventTypes.PRODUCT_PUBLISHED, "product-service"));
        Fixtures.send(Topics.PRODUCT_EVENTS, first.partition(), key, "{}".getBytes(StandardCharsets.UTF_8),
                Map.of("ce_type", EventTypes.PRODUCT_PUBLISHED));
        Product good = Fixtures.cataloguedProduct("brand");
        try (TopicReader deadLetters = new TopicReader(DEAD_LETTERS)) {
            List<ConsumerRecord<String, String>> parked = deadLetters.await(r -> key.equals(r.key()), 3,
                    Duration.ofSeconds(30));
            assertThat(parked).extracting(ConsumerRecord::value)
                    .containsExactly("not json", "{\"product\":{\"name\":\"no id\"}}", "{}");
            assertThat(TopicReader.header(parked.get(0), "dead-letter-reason")).isNotBlank();
        }
        assertThat(ConfigProvider.getConfig().getValue(
                "mp.messaging.incoming.product-events.dead-letter-queue.topic", String.class)).isEqualTo(DEAD_LETTERS);
        assertThat(ConfigProvider.getConfig().getValue(
                "mp.messaging.incoming.product-events.group.id", String.class)).isEqualTo(CatalogueHandler.CONSUMER);
    }

    private List<CatalogueEntry> byGtin(String gtin) {
        return Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> catalogue.byGtin(gtin)), r -> true);
    }
}
