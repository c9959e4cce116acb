import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.apache.kafka.common.serialization.StringSerializer;
import org.openipm.events.CloudEventHeaders;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.authentication.AuthenticationCompleted;

/**
 * notification-service benchmark driver (run by notification-bench.sh). A webhook receiver on loopback; the brand
 * subscribes to it; COUNTERFEIT verdicts go straight onto authentication-completed at RATE/s; per event, "produced
 * -> webhook received" is the latency. In the same seconds a bare Kafka record goes producer -> consumer at the same
 * rate. Then the same again with a second subscription of the brand whose endpoint is dead (connection refused):
 * the healthy endpoint's delivery rate and latency show whether the dead one holds it back.
 *
 * Usage: java NotificationBench.java <bootstrap> <notification base URL> <brand token> <brand> <rate> <seconds>
 *        <warm-up seconds>
 */
public class NotificationBench {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Pattern SOURCE_EVENT = Pattern.compile("\"sourceEventId\":\"([0-9a-f-]{36})\"");

    private static final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private static final Map<String, Long> receivedAt = new ConcurrentHashMap<>();
    private static final AtomicInteger receivedTotal = new AtomicInteger();
    private static final AtomicInteger deadAttempts = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String base = args[1];
        String token = args[2];
        String brand = args[3];
        int rate = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        int warmup = Integer.parseInt(args[6]);

        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/live", exchange -> {
            long now = System.nanoTime();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher id = SOURCE_EVENT.matcher(body);
            if (id.find()) {
                receivedAt.putIfAbsent(id.group(1), now);
            }
            receivedTotal.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String live = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/live";
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort(); // closed again: connections are refused
        }
        String dead = "http://127.0.0.1:" + deadPort + "/dead";

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        subscribe(http, base, token, live);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1), new StringSerializer(), new ByteArraySerializer());
        KafkaRoundTrip roundTrip = new KafkaRoundTrip(bootstrap);
        roundTrip.start();

        System.out.printf("== warm-up: %d s at %d/s (not counted)%n", warmup, rate);
        run(producer, roundTrip, brand, rate, warmup, false);
        System.out.printf("== healthy endpoint: %d s at %d/s%n", seconds, rate);
        run(producer, roundTrip, brand, rate, seconds, true);
        subscribe(http, base, token, dead);
        System.out.printf("== the same with a second subscription whose endpoint is dead (refused): %d s at %d/s%n",
                seconds, rate);
        run(producer, roundTrip, brand, rate, seconds, true);
        roundTrip.stop();
        producer.close();
        receiver.stop(0);
        System.exit(0);
    }

    static void run(KafkaProducer<String, byte[]> producer, KafkaRoundTrip roundTrip, String brand, int rate,
            int seconds, boolean report) throws Exception {
        sentAt.clear();
        receivedAt.clear();
        roundTrip.reset();
        int total = rate * seconds;
        AtomicInteger next = new AtomicInteger();
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(1);
        long start = System.nanoTime();
        ticks.scheduleAtFixedRate(() -> {
            int n = next.getAndIncrement();
            if (n >= total) {
                return;
            }
            try {
                UUID eventId = UUID.randomUUID();
                AuthenticationCompleted verdict = new AuthenticationCompleted(UUID.randomUUID(), "COUNTERFEIT", 0.97,
                        false, null, new AuthenticationCompleted.Evidence("bench", List.of(), List.of()), "bench-ssp",
                        "ref-" + n, 5L, null, brand, "09506000134352", "SN-" + n, "bench-customs", "FR",
                        Instant.now(), Instant.now());
                String key = verdict.requestId().toString();
                var headers = CloudEventHeaders.write(eventId, EventTypes.AUTHENTICATION_COMPLETED,
                        "authentication-service", key, Instant.now());
                sentAt.put(eventId.toString(), System.nanoTime());
                producer.send(new ProducerRecord<>(Topics.AUTHENTICATION_COMPLETED, null, key,
                        JSON.writeValueAsBytes(verdict), headers));
                roundTrip.send();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, 0, TimeUnit.SECONDS.toNanos(1) / rate, TimeUnit.NANOSECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 60L);
        while ((next.get() < total || !receivedAt.keySet().containsAll(sentAt.keySet())
                || roundTrip.received() < total) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        ticks.shutdownNow();
        if (!report) {
            return;
        }
        List<Long> latencies = new ArrayList<>();
        int lost = 0;
        long lastReceived = start;
        for (Map.Entry<String, Long> sent : sentAt.entrySet()) {
            Long received = receivedAt.get(sent.getKey());
            if (received == null) {
                lost++;
            } else {
                latencies.add(TimeUnit.NANOSECONDS.toMicros(received - sent.getValue()));
                lastReceived = Math.max(lastReceived, received);
            }
        }
        Stats delivery = Stats.of(latencies);
        Stats kafka = Stats.of(roundTrip.latenciesMicros());
        double rateDelivered = latencies.size() / ((lastReceived - start) / 1e9);
        System.out.printf("  events %d, delivered to the healthy endpoint %d, not delivered %d within %.0f s of the "
                + "start (still queued, or lost)%n", total, latencies.size(), lost, elapsed);
        System.out.printf("  source event -> webhook delivered:              %s%n", delivery);
        System.out.printf("  bare Kafka produce -> consume, same rate:       %s%n", kafka);
        System.out.printf("  delivery rate to the healthy endpoint: %.0f/s (offered %d/s)%n", rateDelivered, rate);
        System.out.printf("RESULT delivery_p50_ms=%.1f delivery_p99_ms=%.1f delivery_max_ms=%.1f kafka_p50_ms=%.1f "
                + "kafka_p99_ms=%.1f lost=%d delivered_per_s=%.0f%n", delivery.p50 / 1000.0, delivery.p99 / 1000.0,
                delivery.max / 1000.0, kafka.p50 / 1000.0, kafka.p99 / 1000.0, lost, rateDelivered);
    }

    static void subscribe(HttpClient http, String base, String token, String url) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/subscriptions"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"WEBHOOK\",\"url\":\"" + url + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("subscription refused: " + created.statusCode() + " " + created.body());
        }
    }

    /** Records produced and consumed in this process: the broker's own produce -> consume latency. */
    static final class KafkaRoundTrip {
        static final String TOPIC = "bench.kafka-round-trip";
        private final KafkaProducer<Long, byte[]> producer;
        private final KafkaConsumer<Long, byte[]> consumer;
        private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final byte[] payload = new byte[700]; // about an authentication-completed event
        private Thread polling;

        KafkaRoundTrip(String bootstrap) throws Exception {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
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

        void start() {
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

        void send() {
            producer.send(new ProducerRecord<>(TOPIC, System.nanoTime(), payload));
        }

        void reset() {
            latencies.clear();
        }

        int received() {
            return latencies.size();
        }

        List<Long> latenciesMicros() {
            synchronized (latencies) {
                return new ArrayList<>(latencies);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            polling.join(5000);
            producer.close();
        }
    }

    record Stats(long p50, long p99, long max, int count) {
        static Stats of(List<Long> micros) {
            if (micros.isEmpty()) {
                return new Stats(0, 0, 0, 0);
            }
            List<Long> sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            return new Stats(at(sorted, 0.50), at(sorted, 0.99), sorted.get(sorted.size() - 1), sorted.size());
        }

        static long at(List<Long> sorted, double q) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
        }

        @Override
        public String toString() {
            return String.format("p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms", p50 / 1000.0, p99 / 1000.0,
                    max / 1000.0);
        }
    }
}
