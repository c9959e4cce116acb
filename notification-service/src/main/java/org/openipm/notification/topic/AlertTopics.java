package org.openipm.notification.topic;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Creates each brand's alert topic once, with the Kafka admin client: when the brand's first product event arrives,
 * and again (idempotently) before the first alert is queued for it, so the outbox never publishes to a topic that
 * does not exist. A topic that already exists counts as created; a broker that does not answer is an outage the
 * caller retries.
 */
@ApplicationScoped
public class AlertTopics {

    private static final Logger LOG = Logger.getLogger(AlertTopics.class);

    private final Admin admin;
    private final AlertTopicSettings settings;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public AlertTopics(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            AlertTopicSettings settings) {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((name, value) -> {
            if (AdminClientConfig.configNames().contains(name)) {
                config.put(name, value);
            }
        });
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "notification-service-alert-topics");
        this.admin = Admin.create(config);
        this.settings = settings;
    }

    /**
     * The brand's topic, created if it was not; empty for a brand id no topic may be named after (logged once per
     * call: its alerts stay readable through the API, and the id is refused upstream by product-service anyway).
     */
    public Optional<String> ensure(String brandId) {
        Optional<String> topic = AlertTopicNames.of(brandId);
        if (topic.isEmpty()) {
            LOG.warnf("Brand id '%s' cannot name an alert topic: its alerts are not published to Kafka", brandId);
            return topic;
        }
        if (!known.contains(topic.get())) {
            create(topic.get());
            known.add(topic.get());
        }
        return topic;
    }

    private void create(String topic) {
        NewTopic spec = new NewTopic(topic, Optional.of(settings.partitions()), settings.replicationFactor());
        try {
            admin.createTopics(List.of(spec)).all().get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            LOG.infof("Created alert topic %s", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create alert topic " + topic, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("The broker did not create alert topic " + topic + " in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating alert topic " + topic, e);
        }
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
