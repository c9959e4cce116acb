package org.openipm.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.openipm.events.CloudEventHeaders;
import org.openipm.platform.database.DataSourceSettings;
import org.openipm.platform.testapp.GadgetMade;
import org.openipm.platform.testapp.GadgetService;
import org.openipm.testing.KafkaBroker;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.TopicReader;

/**
 * The outbox relay against the real broker and database: order, a broker outage, a row the broker refuses. The test
 * application polls only every ten minutes, so each event here reaches the broker because its commit woke the relay.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class OutboxRelayTest {

    @Inject
    GadgetService gadgets;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry metrics;

    @Inject
    DataSourceSettings dataSource;

    @Test
    void eventsOfOneKeyArePublishedInTheOrderTheyCommittedAsCloudEvents() {
        String name = "ordered-" + UUID.randomUUID();
        // The second and third are written together (recordAll, one statement): still in their order.
        List<UUID> ids = new ArrayList<>(List.of(gadgets.announce(GadgetMade.TOPIC, name, 1)));
        ids.addAll(gadgets.announceAll(GadgetMade.TOPIC, name, 2, 3));

        try (TopicReader topic = new TopicReader(GadgetMade.TOPIC)) {
            List<ConsumerRecord<String, String>> records = topic.await(r -> name.equals(r.key()), 3, Duration.ofSeconds(30));
            assertThat(records).extracting(r -> CloudEventHeaders.read(r.headers()).id()).containsExactlyElementsOf(ids);
            assertThat(records).extracting(ConsumerRecord::value).containsExactly(
                    "{\"name\":\"" + name + "\",\"sequence\":1}", "{\"name\":\"" + name + "\",\"sequence\":2}",
                    "{\"name\":\"" + name + "\",\"sequence\":3}");
            CloudEventHeaders.Envelope envelope = CloudEventHeaders.read(records.get(0).headers());
            assertThat(envelope.type()).isEqualTo(GadgetMade.TYPE);
            assertThat(envelope.source()).isEqualTo("/openipm/platform-test");
            assertThat(envelope.subject()).isEqualTo(name);
            assertThat(envelope.time()).isNotNull();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> pending(name) == 0);
    }

    @Test
    void aRowWhoseTransactionCommitsAfterManyRowsAboveItWereRelayedIsStillRelayed() throws Exception {
        // The relay's reads start from a floor it raises as rows are relayed (PendingFloor): it must not pass the id
        // of a transaction still open, however many commits above it come and go meanwhile.
        String name = "late-" + UUID.randomUUID();
        Properties properties = new Properties();
        dataSource.username().ifPresent(user -> properties.setProperty("user", user));
        dataSource.password().ifPresent(password -> properties.setProperty("password", password));
        dataSource.additionalJdbcProperties().forEach(properties::setProperty);
        try (TopicReader topic = new TopicReader(GadgetMade.TOPIC);
                Connection slow = DriverManager.getConnection(dataSource.jdbcUrl(), properties)) {
            slow.setAutoCommit(false);
            long lateId;
            try (PreparedStatement insert = slow.prepareStatement("insert into outbox_event (event_id, topic, "
                    + "event_key, event_type, payload, occurred_at) values (?, ?, ?, ?, ?, now()) returning id")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, GadgetMade.TOPIC);
                insert.setString(3, name);
                insert.setString(4, GadgetMade.TYPE);
                insert.setString(5, "{\"name\":\"" + name + "\",\"sequence\":0}");
                try (ResultSet inserted = insert.executeQuery()) {
                    inserted.next();
                    lateId = inserted.getLong(1);
                }
            }
            for (int i = 1; i <= 20; i++) { // each commit wakes the relay: many reads while the first is open
                gadgets.announce(GadgetMade.TOPIC, name, i);
            }
            try (Statement sequence = slow.createStatement();
                    ResultSet last = sequence.executeQuery("select last_value from outbox_event_id_seq")) {
                last.next();
                assertThat(last.getLong(1)).as("the ids taken after the open transaction's").isGreaterThanOrEqualTo(
                        lateId + 20);
            }
            topic.await(r -> name.equals(r.key()), 20, Duration.ofSeconds(30));
            // the twenty are relayed and deleted (the open transaction's row is not visible yet)
            await().atMost(Duration.ofSeconds(10)).until(() -> pending(name) == 0);
            assertThat(topic.drain(Duration.ofMillis(500))).noneMatch(r -> name.equals(r.key())
                    && r.value().contains("\"sequence\":0}"));

            slow.commit();
            gadgets.announce(GadgetMade.TOPIC, name + "-next", 0); // wakes the relay
            assertThat(topic.awaitOne(r -> name.equals(r.key()) && r.value().contains("\"sequence\":0}")).value())
                    .isEqualTo("{\"name\":\"" + name + "\",\"sequence\":0}");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> pending(name) == 0);
    }

    @Test
    void whileTheBrokerIsDownTheRelayRetriesAndPublishesOnceItIsBack() {
        String name = "outage-" + UUID.randomUUID();
        double retriesBefore = retries();
        try (KafkaBroker.Outage outage = KafkaBroker.outage()) {
            gadgets.announce(GadgetMade.TOPIC, name, 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> retries() > retriesBefore);
            assertThat(pending(name)).as("kept while the broker is away").isEqualTo(1);
        }
        try (TopicReader topic = new TopicReader(GadgetMade.TOPIC)) {
            topic.await(r -> name.equals(r.key()), 1, Duration.ofSeconds(60));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> pending(name) == 0);
    }

    @Test
    void aRowTheBrokerRefusesForGoodIsParkedAndTheRowsBehindItGoOn() {
        String name = "refused-" + UUID.randomUUID();
        gadgets.announce("not a valid topic!", name, 1);
        gadgets.announce(GadgetMade.TOPIC, name, 2);

        try (TopicReader topic = new TopicReader(GadgetMade.TOPIC)) {
            assertThat(topic.awaitOne(r -> name.equals(r.key())).value()).contains("\"sequence\":2");
        }
        // The refused row's next attempt comes with the next commit (or poll); it is then parked.
        gadgets.announce(GadgetMade.TOPIC, name + "-next", 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedError(name) != null);
        assertThat(parkedError(name)).contains("InvalidTopicException");
        assertThat(pending(name)).as("only the parked row is left").isEqualTo(1);
    }

    @Test
    void onlyTheHolderOfTheRelayLockRelaysAndARelayWhoseConnectionIsKilledTakesOverOnceTheLockIsFree()
            throws Exception {
        String name = "leadership-" + UUID.randomUUID();
        try (TopicReader topic = new TopicReader(GadgetMade.TOPIC)) {
            try (Connection otherInstance = DriverManager.getConnection(dataSource.jdbcUrl(),
                    dataSource.username().orElse(null), dataSource.password().orElse(null))) {
                // This relay's session ends (an operator's kill, a failover); another instance's relay takes the lock.
                try (Statement kill = otherInstance.createStatement()) {
                    kill.execute("select pg_terminate_backend(pid) from pg_stat_activity where application_name = '"
                            + RelayLeadership.applicationNameOf("platform-test") + "'");
                }
                try (PreparedStatement lock = otherInstance.prepareStatement("select pg_advisory_lock(?)")) {
                    lock.setLong(1, RelayLeadership.lockKeyOf("platform-test"));
                    lock.execute();
                }
                gadgets.announce(GadgetMade.TOPIC, name, 1);
                assertThat(topic.drain(Duration.ofSeconds(5))).as("not relayed by an instance without the lock")
                        .noneMatch(r -> name.equals(r.key()));
                assertThat(pending(name)).isEqualTo(1);
            } // the other instance is gone, and its lock with it

            gadgets.announce(GadgetMade.TOPIC, name, 2);
            assertThat(topic.await(r -> name.equals(r.key()), 2, Duration.ofSeconds(30)))
                    .extracting(ConsumerRecord::value).containsExactly("{\"name\":\"" + name + "\",\"sequence\":1}",
                            "{\"name\":\"" + name + "\",\"sequence\":2}");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> pending(name) == 0);
    }

    @Test
    void rowsThisInstanceDidNotWriteThroughItsOutboxAreRelayedInOrderBesideItsOwn() {
        // The relay is handed what this instance's outbox commits; a row written otherwise (by another instance, or
        // before a restart) is read from the table, and the order is still the table's.
        String name = "mixed-" + UUID.randomUUID();
        UUID foreign = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("insert into outbox_event "
                + "(event_id, topic, event_key, event_type, payload, occurred_at) values (?1, ?2, ?3, ?4, ?5, now())")
                .setParameter(1, foreign).setParameter(2, GadgetMade.TOPIC).setParameter(3, name)
                .setParameter(4, GadgetMade.TYPE).setParameter(5, "{\"name\":\"" + name + "\",\"sequence\":1}")
                .executeUpdate());
        UUID own = gadgets.announce(GadgetMade.TOPIC, name, 2);

        try (TopicReader topic = new TopicReader(GadgetMade.TOPIC)) {
            List<ConsumerRecord<String, String>> records = topic.await(r -> name.equals(r.key()), 2, Duration.ofSeconds(30));
            assertThat(records).extracting(r -> CloudEventHeaders.read(r.headers()).id()).containsExactly(foreign, own);
            assertThat(records).extracting(ConsumerRecord::value).containsExactly(
                    "{\"name\":\"" + name + "\",\"sequence\":1}", "{\"name\":\"" + name + "\",\"sequence\":2}");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> pending(name) == 0);
    }

    @Test
    void aParkedRowAnOperatorCorrectsIsRelayedAsCorrected() {
        String name = "corrected-" + UUID.randomUUID();
        gadgets.announce("not a valid topic!", name, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            gadgets.announce(GadgetMade.TOPIC, name + "-next", 0); // each commit is another attempt
            return parkedError(name) != null;
        });

        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("update outbox_event "
                + "set topic = ?1, parked_at = null, attempts = 0 where event_key = ?2")
                .setParameter(1, GadgetMade.TOPIC).setParameter(2, name).executeUpdate());
        gadgets.announce(GadgetMade.TOPIC, name + "-next", 0);

        try (TopicReader topic = new TopicReader(GadgetMade.TOPIC)) {
            assertThat(topic.awaitOne(r -> name.equals(r.key())).value()).contains("\"sequence\":1");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> pending(name) == 0);
    }

    private double retries() {
        return metrics.counter("openipm.outbox.relay.retries").count();
    }

    private long pending(String key) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) entityManager
                .createQuery("select count(e) from OutboxEvent e where e.key = :key").setParameter("key", key)
                .getSingleResult());
    }

    private String parkedError(String key) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select e.lastError from OutboxEvent e where e.key = :key and e.parkedAt is not null",
                        String.class).setParameter("key", key).getResultStream().findFirst().orElse(null));
    }
}
