package org.openipm.lookup.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.lookup.CatalogueEvents;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.PostgresServer;
import org.openipm.testing.TopicReader;

/**
 * The database stops under a stream of product events and comes back: the read model waits and resumes by itself,
 * applies every event and dead-letters none (an outage is not poison).
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DatabaseOutageTest {

    @Inject
    MeterRegistry metrics;
    @Inject
    DataSource dataSource;

    @Test
    void aDatabaseRestartUnderAStreamOfEventsLosesNoneAndDeadLettersNone() {
        List<ProductSnapshot> sent = new ArrayList<>();
        sendProducts(10, sent);
        double retriesBefore = retries();
        try (PostgresServer.Outage outage = PostgresServer.outage()) {
            sendProducts(10, sent);
            // The consumer met the outage and is waiting it out.
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= retriesBefore + 2);
        }
        sendProducts(10, sent);

        String ids = sent.stream().map(p -> p.productId().toString()).collect(Collectors.joining(",", "{", "}"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> productsInReadModel(ids) == sent.size());
        // What an officer sees, for one product of each phase.
        for (ProductSnapshot product : List.of(sent.get(0), sent.get(10), sent.get(20))) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(
                    () -> CatalogueEvents.lookupAsOfficer(product.gtins().get(0)).body("products[0].productId",
                            equalTo(product.productId().toString())));
        }
        Set<String> keys = sent.stream().map(p -> p.productId().toString()).collect(Collectors.toSet());
        try (TopicReader deadLetters = new TopicReader(PoisonRecordTest.DEAD_LETTERS)) {
            assertThat(deadLetters.drain(Duration.ofSeconds(2))).noneMatch(r -> keys.contains(r.key()));
        }
    }

    private static void sendProducts(int count, List<ProductSnapshot> sent) {
        for (int i = 0; i < count; i++) {
            ProductSnapshot product = CatalogueEvents.product().gtins(CatalogueEvents.newGtin13()).snapshot();
            CatalogueEvents.send(product);
            sent.add(product);
        }
    }

    private long productsInReadModel(String ids) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from product where id = any(cast(? as uuid[]))")) {
            query.setString(1, ids);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private double retries() {
        Counter counter = metrics.find("openipm.consumer.retries").tag("consumer", ProductEventHandler.CONSUMER)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
