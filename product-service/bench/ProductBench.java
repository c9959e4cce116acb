import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Catalogue figures on a running platform (./ipm up -d): bulk import rows/s against one-by-one API creates, and
 * outbox relay latency (change time in ce_time -> record read from product-events) against a bare
 * produce -> consume round trip on the same broker. Prints figures; asserts nothing.
 * Run through catalogue-bench.sh.
 */
public class ProductBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static String api;
    static String kafka;

    public static void main(String[] args) throws Exception {
        api = args[0];
        kafka = args[1];
        String adminToken = args[2];
        String brandTokenCmd = args[3];
        int importRows = Integer.parseInt(args[4]);
        int relaySamples = Integer.parseInt(args[5]);

        String brand = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        // A prefix of its own each run: an approved prefix belongs to one brand only.
        prefix = "6" + String.format("%05d", new java.util.Random().nextInt(100_000));
        send("POST", "/api/v1/brands", adminToken, "application/json",
                "{\"id\":\"" + brand + "\",\"name\":\"Bench " + brand + "\",\"companyPrefixes\":[\"" + prefix + "\"]}", 201);
        String brandToken = new String(new ProcessBuilder("sh", "-c", brandTokenCmd + " --org " + brand).start()
                .getInputStream().readAllBytes()).trim();

        // Baseline: products created one by one through the API (sequential, 500 rows).
        int single = 500;
        long t0 = System.nanoTime();
        for (int i = 0; i < single; i++) {
            send("POST", "/api/v1/products", brandToken, "application/json",
                    "{\"sku\":\"ONE-" + i + "\",\"name\":\"Single " + i + "\",\"category\":\"WATCHES\",\"gtins\":[\""
                            + gtin(900_000 + i) + "\"]}", 201);
        }
        double singleRate = single / seconds(t0);

        StringBuilder csv = new StringBuilder("sku,name,category,description,status,gtins\n");
        for (int i = 0; i < importRows; i++) {
            csv.append("IMP-").append(i).append(",Imported ").append(i).append(",WATCHES,Bench row,PUBLISHED,")
                    .append(gtin(i)).append('\n');
        }
        t0 = System.nanoTime();
        String location = send("POST", "/api/v1/brands/" + brand + "/imports", brandToken, "text/csv",
                csv.toString(), 202).get("id").asText();
        JsonNode job;
        do {
            Thread.sleep(250);
            job = send("GET", "/api/v1/brands/" + brand + "/imports/" + location, brandToken, null, null, 200);
        } while (!job.get("status").asText().equals("COMPLETED") && !job.get("status").asText().equals("FAILED"));
        double importRate = importRows / seconds(t0);

        List<Long> baseline = roundTrips(relaySamples);
        List<Long> relay = relayLatencies(brandToken, relaySamples);

        System.out.printf("import: %d rows in %.1f s = %.0f rows/s (status %s, failed %d)%n", importRows,
                importRows / importRate, importRate, job.get("status").asText(), job.get("failed").asInt());
        System.out.printf("baseline one-by-one API creates: %.0f rows/s; import/baseline ratio %.2f%n", singleRate,
                importRate / singleRate);
        System.out.printf("relay latency commit->record (%d samples): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                relay.size(), pct(relay, 50), pct(relay, 99), pct(relay, 100));
        System.out.printf("baseline produce->consume (%d samples): p50 %.1f ms, p99 %.1f ms; relay/baseline p50 ratio %.1f%n",
                baseline.size(), pct(baseline, 50), pct(baseline, 99), pct(relay, 50) / Math.max(0.001, pct(baseline, 50)));
    }

    /** Each sample: change one product through the API, then time until its event is read from the topic. */
    static List<Long> relayLatencies(String token, int samples) throws Exception {
        JsonNode created = send("POST", "/api/v1/products", token, "application/json",
                "{\"sku\":\"RELAY\",\"name\":\"Relay 0\",\"category\":\"WATCHES\"}", 201);
        String id = created.get("id").asText();
        long version = created.get("version").asLong();
        Map<Long, Long> arrivals = new ConcurrentHashMap<>();
        Map<Long, Long> changes = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of("product-events"));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(50));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.poll(Duration.ofMillis(10));
            java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread reader = new Thread(() -> {
                while (running.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(5))) {
                        if (id.equals(r.key())) {
                            long now = micros(Instant.now());
                            try {
                                JsonNode p = JSON.readTree(r.value()).get("product");
                                arrivals.put(p.get("version").asLong(), now);
                                changes.put(p.get("version").asLong(), micros(Instant.parse(p.get("changedAt").asText())));
                            } catch (Exception ignored) {
                            }
                        }
                    }
                }
            });
            reader.start();
            for (int i = 1; i <= samples; i++) {
                JsonNode updated = send("PUT", "/api/v1/products/" + id, token, "application/json",
                        "{\"sku\":\"RELAY\",\"name\":\"Relay " + i + "\",\"category\":\"WATCHES\"}", 200, "\"" + version + "\"");
                version = updated.get("version").asLong();
                long wanted = version;
                long deadline = System.currentTimeMillis() + 5000;
                while (!arrivals.containsKey(wanted) && System.currentTimeMillis() < deadline) {
                    Thread.sleep(1);
                }
            }
            running.set(false);
            reader.join();
        }
        List<Long> latencies = new ArrayList<>();
        arrivals.forEach((v, at) -> latencies.add(at - changes.get(v)));
        return latencies;
    }

    static List<Long> roundTrips(int samples) throws Exception {
        String topic = "bench-roundtrip";
        List<Long> latencies = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka, "acks", "all",
                "linger.ms", 1), new StringSerializer(), new StringSerializer());
                KafkaConsumer<String, String> consumer = consumer()) {
            producer.send(new ProducerRecord<>(topic, "warm", "0")).get();
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(50));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.poll(Duration.ofMillis(10));
            for (int i = 0; i < samples; i++) {
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, "k", Integer.toString(i)));
                boolean seen = false;
                while (!seen) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(5))) {
                        seen |= r.value().equals(Integer.toString(i));
                    }
                }
                latencies.add((System.nanoTime() - start) / 1000);
            }
        }
        return latencies;
    }

    static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", kafka, "group.id", "bench-" + UUID.randomUUID(),
                "auto.offset.reset", "latest", "fetch.max.wait.ms", 5), new StringDeserializer(), new StringDeserializer());
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }

    static double pct(List<Long> micros, int percentile) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String prefix;

    static String gtin(int i) {
        String body = "0" + prefix + String.format("%06d", i);
        int sum = 0;
        for (int k = 0; k < 13; k++) {
            int d = body.charAt(12 - k) - '0';
            sum += (k % 2 == 0) ? d * 3 : d;
        }
        return body + ((10 - sum % 10) % 10);
    }

    static JsonNode send(String method, String path, String token, String type, String body, int expected,
            String... ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (ifMatch.length > 0) {
            request.header("If-Match", ifMatch[0]);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
