package org.openipm.product.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.platform.events.ProcessedEventPurge;
import org.openipm.platform.events.ProcessedEventRepository;
import org.openipm.platform.events.ConsumerSettings;
import org.openipm.testing.PlatformTestResource;

/** Applied event ids are remembered for the retention, then forgotten in batches. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ProcessedEventPurgeTest {

    @Inject
    ProcessedEventPurge purge;
    @Inject
    ProcessedEventRepository processed;
    @Inject
    EntityManager entityManager;
    @Inject
    ConsumerSettings settings;

    @Test
    void idsOlderThanTheRetentionArePurgedAndRecentOnesKept() {
        String consumer = "purge-test-" + UUID.randomUUID();
        Duration retention = settings.processedEvents().retention();
        int old = settings.processedEvents().purgeBatchSize() + 5;
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("insert into {h-schema}processed_event (event_id, consumer, processed_at) "
                    + "select gen_random_uuid(), ?1, ?2 from generate_series(1, ?3)")
                    .setParameter(1, consumer).setParameter(2, Instant.now().minus(retention).minusSeconds(3600))
                    .setParameter(3, old).executeUpdate();
            entityManager.createNativeQuery("insert into {h-schema}processed_event (event_id, consumer, processed_at) "
                    + "select gen_random_uuid(), ?1, ?2 from generate_series(1, 3)")
                    .setParameter(1, consumer).setParameter(2, Instant.now().minus(retention).plusSeconds(3600))
                    .executeUpdate();
        });

        assertThat(purge.purgeOlderThan(retention)).isGreaterThanOrEqualTo(old);

        assertThat(QuarkusTransaction.requiringNew().call(() -> processed.count("consumer", consumer))).isEqualTo(3);
    }
}
