package org.openipm.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;
import org.openipm.events.Topics;

/**
 * Sets one record of a batch aside on the consumer's dead-letter topic, with the same headers SmallRye's
 * per-record dead-letter strategy writes. Batch consumers need it: failing the whole batch would send its good
 * records to the dead-letter topic too. Each record set aside is logged (where and why, never its content) and
 * counted ({@code openipm.consumer.dead.letters}, per source topic), so operators see poison arrive without reading
 * the topic.
 */
@ApplicationScoped
public class DeadLetters {

    /** The failure's message and class, and its cause's if it has one: SmallRye's names for them. */
    static final List<String> WHY = List.of("dead-letter-reason", "dead-letter-exception-class-name",
            "dead-letter-cause", "dead-letter-cause-class-name");

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final int MAX_REASON_LOGGED = 300;

    private final KafkaProducer<String, byte[]> producer;
    private final String service;
    private final MeterRegistry metrics;

    public DeadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            EventSettings settings, MeterRegistry metrics) {
        this.service = settings.service();
        this.metrics = metrics;
        this.producer = ReliableProducers.create(kafkaConfig, service + "-dead-letters", 0);
    }

    /** Returns once the broker holds the record, so the caller may then commit past it. */
    public void send(ConsumerRecord<String, byte[]> record, Throwable reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        why(headers, reason);
        header(headers, "dead-letter-topic", record.topic());
        header(headers, "dead-letter-partition", Integer.toString(record.partition()));
        header(headers, "dead-letter-offset", Long.toString(record.offset()));
        String deadLetterTopic = Topics.deadLetterOf(record.topic(), service);
        write(deadLetterTopic, record, headers);
        metrics.counter("openipm.consumer.dead.letters", "topic", record.topic()).increment();
        String why = String.valueOf(reason.getMessage());
        LOG.warnf("Set aside %s-%d@%d on %s: %s: %s", record.topic(), record.partition(), record.offset(),
                deadLetterTopic, reason.getClass().getSimpleName(),
                why.length() > MAX_REASON_LOGGED ? why.substring(0, MAX_REASON_LOGGED) + "..." : why);
    }

    /**
     * Puts a record read from a dead-letter topic back at its end, with the reason it still fails: a re-drive can
     * then commit past it, and the next re-drive tries it again. Its original topic, partition and offset stay.
     */
    public void sendBack(ConsumerRecord<String, byte[]> deadLetter, Throwable reason) {
        RecordHeaders headers = new RecordHeaders(deadLetter.headers().toArray());
        WHY.forEach(headers::remove);
        why(headers, reason);
        write(deadLetter.topic(), deadLetter, headers);
    }

    private void write(String topic, ConsumerRecord<String, byte[]> record, RecordHeaders headers) {
        try {
            producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting a record aside", e);
        } catch (ExecutionException | TimeoutException e) {
            // Transient (see TransientFailures): the consumer retries instead of committing past the record.
            throw new IllegalStateException("Cannot write to dead-letter topic " + topic, e);
        }
    }

    private static void why(RecordHeaders headers, Throwable reason) {
        header(headers, WHY.get(0), String.valueOf(reason.getMessage()));
        header(headers, WHY.get(1), reason.getClass().getName());
        if (reason.getCause() != null) {
            header(headers, WHY.get(2), String.valueOf(reason.getCause().getMessage()));
            header(headers, WHY.get(3), reason.getCause().getClass().getName());
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
