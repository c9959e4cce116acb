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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openipm.bench.KafkaRoundTrip;
import org.openipm.bench.Stats;
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
        KafkaRoundTrip roundTrip = new KafkaRoundTrip(bootstrap, 700);
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
                + "kafka_p99_ms=%.1f lost=%d delivered_per_s=%.0f%n", delivery.p50() / 1000.0, delivery.p99() / 1000.0,
                delivery.max() / 1000.0, kafka.p50() / 1000.0, kafka.p99() / 1000.0, lost, rateDelivered);
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
}
