package org.openipm.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;

/**
 * The floor a benchmark compares its figures with: records produced and consumed in this process on the same broker,
 * at the same rate, in the same seconds (the broker's own produce -> consume latency on this machine).
 */
public final class KafkaRoundTrip {

    public static final String TOPIC = "bench.kafka-round-trip";
    private final KafkaProducer<Long, byte[]> producer;
    private final KafkaConsumer<Long, byte[]> consumer;
    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final byte[] payload;
    private Thread polling;

    /** @param payloadBytes about the size of the event the benchmark follows */
    public KafkaRoundTrip(String bootstrap, int payloadBytes) throws Exception {
        payload = new byte[payloadBytes];
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        // As the platform's producers: acks=all, idempotent, linger 1 ms (EventSettings' default).
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1), new LongSerializer(), new ByteArraySerializer());
        Properties consumerConfig = new Properties();
        consumerConfig.put("bootstrap.servers", bootstrap);
        consumerConfig.put("group.id", "bench-round-trip-" + UUID.randomUUID());
        consumer = new KafkaConsumer<>(consumerConfig, new LongDeserializer(), new ByteArrayDeserializer());
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        consumer.assign(List.of(partition));
        consumer.seekToEnd(List.of(partition));
        consumer.position(partition);
    }

    public void start() {
        polling = new Thread(() -> {
            while (running.get()) {
                for (ConsumerRecord<Long, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    latencies.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - record.key()));
                }
            }
            consumer.close();
        }, "round-trip-consumer");
        polling.start();
    }

    public void send() {
        producer.send(new ProducerRecord<>(TOPIC, System.nanoTime(), payload));
    }

    public int received() {
        return latencies.size();
    }

    public List<Long> latenciesMicros() {
        synchronized (latencies) {
            return new ArrayList<>(latencies);
        }
    }

    /** Forgets what was measured so far (a warm-up's records). */
    public void reset() {
        latencies.clear();
    }

    public void stop() throws InterruptedException {
        running.set(false);
        polling.join(5000);
        producer.close();
    }
}
