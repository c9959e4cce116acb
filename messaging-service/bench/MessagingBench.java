import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.openipm.bench.Catalogue;
import org.openipm.bench.KafkaRoundTrip;
import org.openipm.bench.Stats;
import org.openipm.events.Topics;
import org.openipm.events.product.ProductPublished;

/**
 * Plays product-service and officers for messaging-bench.sh.
 *
 * java -cp CP MessagingBench.java catalogue BOOTSTRAP BRAND GTIN
 *   publishes one ProductPublished (the GTIN verified), so flagging that GTIN makes the brand a participant.
 * java -cp CP MessagingBench.java throughput BASE TOKEN OFFICE GTIN CLIENTS SECONDS
 *   CLIENTS officers flag shipments back to back (closed loop) for SECONDS: flags per second.
 * java -cp CP MessagingBench.java latency BOOTSTRAP BASE TOKEN OFFICE GTIN RATE SECONDS
 *   RATE flags a second (open loop) for SECONDS; per flag, "POST sent -> its shipment-flagged record consumed";
 *   meanwhile, at the same rate on the same broker, a bare Kafka record goes producer -> consumer.
 */
public class MessagingBench {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 1000);

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "catalogue" -> Catalogue.publish(args[1], args[2], args[3], "WATCHES");
            case "throughput" -> throughput(args[1], args[2], args[3], args[4], Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]));
            case "latency" -> latency(args[1], args[2], args[3], args[4], args[5], Integer.parseInt(args[6]),
                    Integer.parseInt(args[7]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }


    /** One flag: a sea container (free reference, so no two flags link) with one goods line of the GTIN. */
    static HttpResponse<String> flag(String base, String token, String office, String gtin) throws Exception {
        String body = JSON.writeValueAsString(Map.of("transportMode", "SEA",
                "identifiers", List.of(Map.of("kind", "REFERENCE", "value", "BENCH-" + SEQUENCE.incrementAndGet())),
                "originCountry", "CN", "destinationCountry", "FR", "office", office,
                "goods", List.of(Map.of("description", "Wrist watches", "quantity", 300, "unit", "pieces",
                        "suspectedProducts", List.of(Map.of("code", "https://id.gs1.org/01/" + gtin + "/21/S1")))),
                "consignor", Map.of("name", "Bench Exports Ltd", "country", "CN")));
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/shipments"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void throughput(String base, String token, String office, String gtin, int clients, int seconds)
            throws Exception {
        AtomicInteger flagged = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> officers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread officer = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<String> answer = flag(base, token, office, gtin);
                        if (answer.statusCode() == 201) {
                            flagged.incrementAndGet();
                        } else {
                            failures.add(answer.statusCode() + " " + answer.body());
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            });
            officer.start();
            officers.add(officer);
        }
        for (Thread officer : officers) {
            officer.join();
        }
        double perSecond = flagged.get() / (double) seconds;
        System.out.printf("flags by %d officers back to back for %d s: %d (%.0f/s), failures %d%s%n", clients,
                seconds, flagged.get(), perSecond, failures.size(),
                failures.isEmpty() ? "" : " (first: " + failures.peek() + ")");
        System.out.printf("RESULT flags_per_s=%.0f clients=%d failures=%d%n", perSecond, clients, failures.size());
    }

    static void latency(String bootstrap, String base, String token, String office, String gtin, int rate,
            int seconds) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        KafkaConsumer<String, byte[]> flags = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "bench-flags-" + UUID.randomUUID()), new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = flags.partitionsFor(Topics.SHIPMENT_FLAGGED).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        flags.assign(partitions);
        flags.seekToEnd(partitions);
        partitions.forEach(flags::position);
        Thread listening = new Thread(() -> {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : flags.poll(Duration.ofMillis(50))) {
                    seenAt.putIfAbsent(record.key(), System.nanoTime());
                }
            }
            flags.close();
        }, "shipment-flagged-consumer");
        listening.start();

        ExecutorService officers = Executors.newCachedThreadPool();
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        int total = rate * seconds;
        KafkaRoundTrip roundTrip = new KafkaRoundTrip(bootstrap, 700);
        roundTrip.start();
        ticks.scheduleAtFixedRate(() -> {
            if (next.getAndIncrement() < total) {
                officers.submit(() -> {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> answer = flag(base, token, office, gtin);
                        if (answer.statusCode() == 201) {
                            sentAt.put(JSON.readTree(answer.body()).get("caseId").asText(), sent);
                        } else {
                            failures.add(answer.statusCode() + " " + answer.body());
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    } finally {
                        answered.incrementAndGet();
                    }
                });
                roundTrip.send();
            }
        }, 0, TimeUnit.SECONDS.toNanos(1) / rate, TimeUnit.NANOSECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 60L);
        while ((answered.get() < total || !seenAt.keySet().containsAll(sentAt.keySet())
                || roundTrip.received() < total) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        ticks.shutdownNow();
        officers.shutdownNow();
        running.set(false);
        listening.join(5000);
        roundTrip.stop();

        List<Long> flagToRecord = new ArrayList<>();
        sentAt.forEach((caseId, sent) -> {
            Long seen = seenAt.get(caseId);
            if (seen != null) {
                flagToRecord.add(TimeUnit.NANOSECONDS.toMicros(seen - sent));
            }
        });
        Stats f = Stats.of(flagToRecord);
        Stats k = Stats.of(roundTrip.latenciesMicros());
        System.out.printf("flags %d at %d/s: %d flagged, %d records seen, failures %d%s%n", total, rate,
                sentAt.size(), flagToRecord.size(), failures.size(),
                failures.isEmpty() ? "" : " (first: " + failures.peek() + ")");
        System.out.printf("  flag POST sent -> its shipment-flagged record consumed: %s%n", f);
        System.out.printf("  bare Kafka produce -> consume, same broker and rate:   %s%n", k);
        System.out.printf("RESULT flag_p50_ms=%.1f flag_p99_ms=%.1f flag_max_ms=%.1f kafka_p50_ms=%.1f "
                + "kafka_p99_ms=%.1f kafka_max_ms=%.1f failures=%d missing_records=%d%n", f.p50() / 1000.0,
                f.p99() / 1000.0, f.max() / 1000.0, k.p50() / 1000.0, k.p99() / 1000.0, k.max() / 1000.0, failures.size(),
                sentAt.size() - flagToRecord.size());
        System.exit(0);
    }
}
