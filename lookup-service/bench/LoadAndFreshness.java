import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openipm.events.EventTypes;
import org.openipm.events.TopicSpec;
import org.openipm.events.Topics;
import org.openipm.events.product.ProductPublished;
import org.openipm.events.product.ProductSnapshot;

/**
 * Plays product-service for lookup-bench.sh: publishes ProductPublished events exactly as the catalogue does
 * (CloudEvents binary mode, key = product id), in bulk ("load") or one at a time while polling the lookup until
 * each is visible ("freshness").
 *
 * java -cp CP LoadAndFreshness.java load BOOTSTRAP PRODUCTS GTINS_PER_PRODUCT SAMPLE_FILE
 * java -cp CP LoadAndFreshness.java freshness BOOTSTRAP LOOKUP_BASE_URL TOKEN SAMPLES
 */
public class LoadAndFreshness {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final int BRANDS = 100;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> load(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
            case "freshness" -> freshness(args[1], args[2], args[3], Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void load(String bootstrap, int products, int gtinsPerProduct, Path sampleFile) throws Exception {
        createTopics(bootstrap);
        List<String> sample = new ArrayList<>();
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap, 20)) {
            for (int i = 0; i < products; i++) {
                int brand = i % BRANDS;
                List<String> gtins = new ArrayList<>();
                for (int g = 0; g < gtinsPerProduct; g++) {
                    gtins.add(gtin14(brand, i / BRANDS * gtinsPerProduct + g));
                }
                sample.addAll(gtins);
                send(producer, snapshot(UUID.randomUUID(), brand, i, gtins), false);
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Collections.shuffle(sample);
        Files.write(sampleFile, sample);
        System.out.printf("produced %d ProductPublished (%d GTINs) in %.1f s (%.0f events/s)%n", products,
                products * gtinsPerProduct, seconds, products / seconds);
    }

    static void freshness(String bootstrap, String baseUrl, String token, int samples) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Double> latencies = new ArrayList<>();
        // A brand of its own per run, so a second run against the same broker still measures new products.
        int brand = BRANDS + 1 + new java.util.Random().nextInt(800);
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap, 0)) {
            for (int i = 0; i < samples; i++) {
                String gtin = gtin14(brand, 90_000 + i);
                HttpRequest lookup = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/lookup?code=" + gtin))
                        .header("Authorization", "Bearer " + token).build();
                long start = System.nanoTime();
                send(producer, snapshot(UUID.randomUUID(), brand, i, List.of(gtin)), true);
                while (true) {
                    String body = http.send(lookup, HttpResponse.BodyHandlers.ofString()).body();
                    if (body.contains("\"matchedBy\"")) {
                        break;
                    }
                    if (System.nanoTime() - start > 30_000_000_000L) {
                        throw new IllegalStateException("product not visible after 30 s: " + gtin);
                    }
                    Thread.sleep(1);
                }
                latencies.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(latencies);
        System.out.printf("freshness over %d products: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", samples,
                percentile(latencies, 50), percentile(latencies, 99), latencies.get(latencies.size() - 1));
    }

    static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1));
    }

    static ProductSnapshot snapshot(UUID id, int brand, int n, List<String> gtins) {
        String brandId = "bench-brand-" + brand;
        return new ProductSnapshot(id, brandId, "Bench Brand " + brand, List.of(prefix(brand)), "SKU-" + n,
                "Product " + n + " " + WORDS[n % WORDS.length], CATEGORIES[n % CATEGORIES.length],
                "A genuine " + WORDS[(n / 7) % WORDS.length] + " with a " + WORDS[(n / 3) % WORDS.length] + " finish",
                "PUBLISHED", 1, gtins, List.of(), List.of(),
                List.of(new ProductSnapshot.Feature("GENUINE", "Engraved logo", "Laser engraving", "crown",
                        "printed, not engraved", "OVERT"),
                        new ProductSnapshot.Feature("SECURITY", "UV mark", "Invisible ink", "strap",
                                "no mark under UV", "COVERT")),
                List.of(new ProductSnapshot.TradePartner("MANUFACTURER", "Maker " + brand, "CH")),
                List.of(new ProductSnapshot.Contact("FR", "fr", "IPR", "Protection FR", "fr@b.example", null, null,
                        true), new ProductSnapshot.Contact("*", "en", "IPR", "Global", "ipr@b.example", null, null,
                        true)),
                List.of("img-" + n), Instant.now(), gtins);
    }

    static final String[] WORDS = { "watch", "chronograph", "diver", "handbag", "wallet", "sneaker", "perfume",
            "charger", "phone", "sunglasses", "belt", "scarf", "steel", "leather", "gold", "ceramic" };
    static final String[] CATEGORIES = { "WATCHES", "LEATHER_GOODS", "FOOTWEAR", "COSMETICS", "ELECTRONICS" };

    /** GS1 company prefix of a bench brand: 7 digits, so GTIN-13 = prefix + 5-digit item + check digit. */
    static String prefix(int brand) {
        return "7" + String.format("%06d", 100_000 + brand);
    }

    static String gtin14(int brand, int item) {
        String body = "0" + prefix(brand) + String.format("%05d", item);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? d * 3 : d;
        }
        return body + (10 - sum % 10) % 10;
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap, int lingerMs) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, lingerMs,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, lingerMs > 0 ? "lz4" : "none"),
                new StringSerializer(), new ByteArraySerializer());
    }

    static void send(KafkaProducer<String, byte[]> producer, ProductSnapshot s, boolean sync) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", EventTypes.PRODUCT_PUBLISHED.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/openipm/product-service".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", s.changedAt().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        var future = producer.send(new ProducerRecord<>(Topics.PRODUCT_EVENTS, null, s.productId().toString(),
                JSON.writeValueAsBytes(new ProductPublished(s)), headers));
        if (sync) {
            future.get();
        }
    }

    static void createTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            for (TopicSpec spec : Topics.PLATFORM_TOPICS) {
                NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) 1);
                if (spec.compacted()) {
                    topic.configs(Map.of("cleanup.policy", "compact"));
                }
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }
}
