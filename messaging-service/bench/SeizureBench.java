import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.openipm.events.Topics;

/**
 * Plays a customs system for seizure-bench.sh.
 *
 * java -cp CP SeizureBench rounds BOOTSTRAP BASE GTIN BATCH CLIENTS DIR
 *   one process for every round of a bench (warm-up rounds and the measured one), so that its own start and JIT
 *   compilation fall in the first warm-up rounds and not on the cores of the measured run. Round k starts when
 *   DIR/go.k appears ("TOKEN AUTHORITY RECORDS" on one line) and its report is DIR/round.k.txt once complete;
 *   DIR/stop ends the process. A round posts RECORDS seizures of the GTIN (a brand's verified one) in batches of
 *   BATCH by CLIENTS concurrent callers, and reads seizure-matched until every one of them is matched (or nothing
 *   new comes for 120 s): records/s from the first POST sent to the last seizure-matched read, how many were lost,
 *   whether the authority's statistics count each seizure exactly once, the client's own CPU time during the round,
 *   and the size of one seizure as it travels on seizure-reported.
 */
public class SeizureBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        if (!args[0].equals("rounds")) {
            throw new IllegalArgumentException(args[0]);
        }
        Path dir = Path.of(args[6]);
        for (int round = 1; ; round++) {
            Path go = dir.resolve("go." + round);
            while (!Files.exists(go)) {
                if (Files.exists(dir.resolve("stop"))) {
                    return;
                }
                Thread.sleep(50);
            }
            String[] order = Files.readString(go).trim().split(" ");
            Path report = dir.resolve("round." + round + ".tmp");
            try (PrintStream out = new PrintStream(Files.newOutputStream(report), true, StandardCharsets.UTF_8)) {
                ingest(out, args[1], args[2], order[0], order[1], args[3], Integer.parseInt(order[2]),
                        Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            }
            Files.move(report, dir.resolve("round." + round + ".txt"), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    static Map<String, Object> seizure(String externalId, String gtin, int i) {
        return Map.of("externalId", externalId, "seizedOn", "2025-03-02", "country", "FR", "office", "FRLEH",
                "transportMode", i % 3 == 0 ? "EXPRESS" : "POSTAL",
                "goods", List.of(Map.of("codes", List.of("https://id.gs1.org/01/" + gtin + "/21/S" + i),
                        "description", "Wrist watches", "quantity", 1 + i % 5, "unit", "pieces")),
                "estimatedValue", 25.0 * (1 + i % 5), "currency", "EUR",
                "consignor", Map.of("name", "Bench Exports Ltd", "country", "CN", "url", "https://shop.example/b"));
    }

    static void ingest(PrintStream out, String bootstrap, String base, String token, String authority, String gtin,
            int records, int batchSize, int clients) throws Exception {
        String run = "B" + Long.toString(System.currentTimeMillis(), 36) + "-";
        // Bodies written before the clock starts: the customs system's own work is not the platform's.
        List<byte[]> batches = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int start = 0; start < records; start += batchSize) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = start; i < Math.min(records, start + batchSize); i++) {
                batch.add(seizure(run + i, gtin, i));
            }
            batches.add(JSON.writeValueAsBytes(Map.of("seizures", batch)));
            sizes.add(batch.size());
        }
        Map<String, Object> one = new java.util.LinkedHashMap<>(seizure(run + 0, gtin, 0));
        one.put("authority", authority);
        one.put("reportedAt", Instant.now().toString());
        one.put("caseId", null);
        one.put("operationId", null);
        one.put("openCase", null);
        int recordSize = JSON.writeValueAsBytes(one).length;

        try (KafkaConsumer<String, String> matched = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "seizure-bench-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = matched.partitionsFor(Topics.SEIZURE_MATCHED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            matched.assign(partitions);
            matched.seekToEnd(partitions);
            partitions.forEach(matched::position);

            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            long started = System.nanoTime();
            long cpuAtStart = processCpuNanos();
            ExecutorService posters = Executors.newFixedThreadPool(clients);
            List<Future<?>> posted = new ArrayList<>();
            for (int b = 0; b < batches.size(); b++) {
                byte[] body = batches.get(b);
                int size = sizes.get(b);
                posted.add(posters.submit(() -> {
                    try {
                        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                                URI.create(base + "/api/v1/seizures")).header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(120))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        JsonNode result = JSON.readTree(answer.body());
                        if (answer.statusCode() != 202 || result.path("accepted").asInt() != size) {
                            failures.add(answer.statusCode() + " " + answer.body().substring(0,
                                    Math.min(300, answer.body().length())));
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                    return null;
                }));
            }
            Set<String> seen = new HashSet<>();
            long lastNew = System.nanoTime();
            long postedAt = 0;
            long lastMatchedAt = started;
            while (seen.size() < records && System.nanoTime() - lastNew < Duration.ofSeconds(120).toNanos()) {
                for (ConsumerRecord<String, String> record : matched.poll(Duration.ofMillis(200))) {
                    String id = textField(record.value(), "externalId");
                    if (authority.equals(textField(record.value(), "authority")) && id.startsWith(run)
                            && seen.add(id)) {
                        lastNew = System.nanoTime();
                        lastMatchedAt = lastNew;
                    }
                }
                if (postedAt == 0 && posted.stream().allMatch(Future::isDone)) {
                    postedAt = System.nanoTime();
                }
            }
            posters.shutdown();
            double seconds = (lastMatchedAt - started) / 1e9;
            long cpuDuringRun = processCpuNanos() - cpuAtStart;
            long counted = countedSeizures(base, token);
            out.printf("posted %d seizures in batches of %d by %d callers: all posted after %.1f s%n",
                    records, batchSize, clients, postedAt == 0 ? Double.NaN : (postedAt - started) / 1e9);
            out.printf("RESULT ingestion end to end (POST -> seizure-matched read): %d of %d matched in "
                    + "%.2f s = %.0f records/s; lost %d; failures %d; statistics count %d seizures of this "
                    + "authority%n", seen.size(), records, seconds, seen.size() / seconds, records - seen.size(),
                    failures.size(), counted);
            // The client's CPU from the first POST to the last record read (its start and the bodies, written
            // before, are not in it): what it took from the cores the platform was using.
            out.printf("DRIVER_RUN_MS %.0f%n", cpuDuringRun / 1e6);
            out.printf("RECORD_SIZE %d%n", recordSize);
            out.printf("INGEST_RATE %.1f%n", seen.size() / seconds);
            out.printf("LOST %d%n", records - seen.size());
            failures.stream().limit(3).forEach(f -> out.println("  failure: " + f));
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * A top-level text field of a seizure-matched record as the service writes it (compact JSON, the field's first
     * occurrence is the top-level one since seizureId, authority and externalId lead the record): the client builds
     * no JSON tree for each record it reads, since its CPU time shares the two cores with the platform's.
     */
    static String textField(String json, String name) {
        String opening = "\"" + name + "\":\"";
        int start = json.indexOf(opening);
        if (start < 0) {
            return "";
        }
        start += opening.length();
        return json.substring(start, json.indexOf('"', start));
    }

    static long countedSeizures(String base, String token) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base
                + "/api/v1/statistics/seizures?groupBy=country")).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        long total = 0;
        for (JsonNode group : JSON.readTree(answer.body()).path("groups")) {
            total += group.path("seizures").asLong();
        }
        return total;
    }
}
