package org.openipm.platform.events;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.openipm.events.Topics;
import org.openipm.platform.problem.ProblemException;

/**
 * Feeds a consumer's dead letters back to the consumer's own handler, not to the source topic (other services'
 * consumer groups read that too). It reads what the dead-letter topic held when it started, under the group
 * {@code <consumer>.redrive}: a record applied counts as re-driven; one that still fails is put back at the end of
 * the dead-letter topic with its new reason and counts as still failing. Offsets are committed past records
 * handled either way, so a record is re-driven once; a record cut short by a transient failure (or the service
 * stopping) is not committed and is tried again by the next re-drive.
 */
@ApplicationScoped
public class DeadLetterRedrive {

    private static final Logger LOG = Logger.getLogger(DeadLetterRedrive.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, RedrivableConsumer> consumers;
    private final Map<String, Object> kafkaConfig;
    private final DeadLetters deadLetters;
    private final String service;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public DeadLetterRedrive(Instance<RedrivableConsumer> consumers,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, DeadLetters deadLetters,
            EventSettings settings) {
        this.consumers = consumers.stream()
                .collect(Collectors.toMap(RedrivableConsumer::consumerName, c -> c));
        this.kafkaConfig = kafkaConfig;
        this.deadLetters = deadLetters;
        this.service = settings.service();
    }

    public record DeadLetterTopic(String consumer, String sourceTopic, String deadLetterTopic) {
    }

    public record Outcome(String consumer, String deadLetterTopic, int redriven, int stillFailing, boolean complete,
            String stoppedBecause) {
    }

    public List<DeadLetterTopic> topics() {
        return consumers.values().stream()
                .map(c -> new DeadLetterTopic(c.consumerName(), c.sourceTopic(), deadLetterTopicOf(c)))
                .sorted(java.util.Comparator.comparing(DeadLetterTopic::consumer)).toList();
    }

    public Optional<Outcome> redrive(String consumerName) {
        RedrivableConsumer consumer = consumers.get(consumerName);
        if (consumer == null) {
            return Optional.empty();
        }
        if (!running.add(consumerName)) {
            throw ProblemException.conflict("redrive-running", "A re-drive of " + consumerName + " is running");
        }
        try {
            return Optional.of(redrive(consumer));
        } finally {
            running.remove(consumerName);
        }
    }

    private Outcome redrive(RedrivableConsumer consumer) {
        String topic = deadLetterTopicOf(consumer);
        int redriven = 0;
        int stillFailing = 0;
        String stoppedBecause = null;
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(
                KafkaClientSettings.consumer(kafkaConfig, consumer.consumerName() + ".redrive",
                        service + "-redrive-" + consumer.consumerName()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = reader.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            reader.assign(partitions);
            // What is there now, not the records put back behind it during this run.
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            outer:
            while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    try {
                        consumer.apply(record);
                        redriven++;
                    } catch (TransientRetry.ConsumerStoppingException e) {
                        stoppedBecause = "the service is stopping";
                        break outer;
                    } catch (RuntimeException e) {
                        if (TransientFailures.isTransient(e)) {
                            stoppedBecause = "transient failure: " + e.getMessage();
                            break outer;
                        }
                        deadLetters.sendBack(record, e);
                        stillFailing++;
                    }
                    reader.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        }
        LOG.infof("Re-drove %s: %d applied, %d still failing%s", topic, redriven, stillFailing,
                stoppedBecause == null ? "" : ", stopped: " + stoppedBecause);
        return new Outcome(consumer.consumerName(), topic, redriven, stillFailing, stoppedBecause == null,
                stoppedBecause);
    }

    private String deadLetterTopicOf(RedrivableConsumer consumer) {
        return Topics.deadLetterOf(consumer.sourceTopic(), service);
    }
}
