import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openipm.bench.Catalogue;
import org.openipm.bench.KafkaRoundTrip;
import org.openipm.bench.Stats;
import org.openipm.events.product.ProductPublished;

/**
 * Plays product-service and officers for authentication-bench.sh.
 *
 * java -cp CP AuthenticationBench.java catalogue BOOTSTRAP BRAND GTIN
 *   publishes one ProductPublished (the GTIN verified) as product-service does, so authentication-service's
 *   catalogue copy designates the brand's product by that GTIN.
 * java -cp CP AuthenticationBench.java load BOOTSTRAP AUTH_BASE TOKEN CODES_FILE RATE SECONDS
 *   for SECONDS, RATE times a second (open loop: a slow answer does not slow the next request), an officer POSTs
 *   an authentication of the next code and reads its verdict through the server-sent events stream; meanwhile, at
 *   the same rate on the same broker, a bare Kafka record goes producer -> consumer. Prints percentiles of
 *   "202 accepted -> verdict visible" minus the provider's own latency (the overhead), and of the round trip.
 */
public class AuthenticationBench {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "catalogue" -> Catalogue.publish(args[1], args[2], args[3], "PHARMACEUTICALS");
            case "load" -> load(args[1], args[2], args[3], Files.readAllLines(Path.of(args[4])),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }


    /** @param reason why, for an ERROR or UNKNOWN verdict (null otherwise) */
    record Verdict(long overheadMicros, long totalMicros, long providerMillis, String verdict, String reason) {
    }

    static void load(String bootstrap, String base, String token, List<String> codes, int rate, int seconds)
            throws Exception {
        // HTTP/1.1 as officers' apps and proxies speak it; the JDK's default h2c upgrade of a POST fails on Vert.x.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<Verdict> verdicts = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService officers = Executors.newCachedThreadPool();
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
        AtomicInteger next = new AtomicInteger();
        int total = rate * seconds;

        KafkaRoundTrip roundTrip = new KafkaRoundTrip(bootstrap, 600);
        roundTrip.start();
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        ticks.scheduleAtFixedRate(() -> {
            int n = next.getAndIncrement();
            if (n < total) {
                officers.submit(() -> authenticate(http, base, token, codes.get(n % codes.size()), verdicts,
                        failures));
                roundTrip.send();
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 60L);
        while ((verdicts.size() + failures.size() < total || roundTrip.received() < total)
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        ticks.shutdownNow();
        officers.shutdownNow();
        roundTrip.stop();

        List<Long> overhead = new ArrayList<>();
        List<Long> provider = new ArrayList<>();
        Map<String, Integer> byVerdict = new java.util.TreeMap<>();
        Map<String, Integer> byReason = new java.util.TreeMap<>();
        for (Verdict v : verdicts) {
            overhead.add(v.overheadMicros());
            provider.add(v.providerMillis() * 1000);
            byVerdict.merge(v.verdict(), 1, Integer::sum);
            if (v.reason() != null) {
                byReason.merge(v.verdict() + ": " + v.reason(), 1, Integer::sum);
            }
        }
        List<Long> kafka = roundTrip.latenciesMicros();
        System.out.printf("requests %d at %d/s: verdicts %d %s, failures %d%s%n", total, rate, verdicts.size(),
                byVerdict, failures.size(), failures.isEmpty() ? "" : " (first: " + failures.peek() + ")");
        byReason.forEach((reason, count) -> System.out.printf("  %5d x %s%n", count, reason));
        Stats o = Stats.of(overhead);
        Stats p = Stats.of(provider);
        Stats k = Stats.of(kafka);
        System.out.printf("  overhead (accepted -> verdict on the stream, minus provider latency): %s%n", o);
        System.out.printf("  provider latency as the verdict reports it:                          %s%n", p);
        System.out.printf("  bare Kafka produce -> consume, same broker, same rate (%d records):   %s%n",
                kafka.size(), k);
        System.out.printf("  ratio overhead / Kafka round trip: p50 %.1f, p99 %.1f%n", Stats.ratio(o.p50(), k.p50()),
                Stats.ratio(o.p99(), k.p99()));
        System.out.printf("RESULT overhead_p50_ms=%.1f overhead_p99_ms=%.1f overhead_max_ms=%.1f kafka_p50_ms=%.1f "
                + "kafka_p99_ms=%.1f kafka_max_ms=%.1f failures=%d%n", o.p50() / 1000.0, o.p99() / 1000.0,
                o.max() / 1000.0, k.p50() / 1000.0, k.p99() / 1000.0, k.max() / 1000.0, failures.size());
        System.exit(0);
    }


    /** One officer's request: POST, then the server-sent events stream until its one event. */
    static void authenticate(HttpClient http, String base, String token, String code, ConcurrentLinkedQueue<Verdict>
            verdicts, ConcurrentLinkedQueue<String> failures) {
        try {
            String body = JSON.writeValueAsString(Map.of("code", code, "place", Map.of("country", "FR")));
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/v1/authentications")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            long acceptedAt = System.nanoTime();
            if (accepted.statusCode() != 202) {
                failures.add("POST " + accepted.statusCode() + " " + accepted.body());
                return;
            }
            String id = JSON.readTree(accepted.body()).get("id").asText();
            HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/v1/authentications/" + id + "/events")).header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data:")) {
                        long visibleAt = System.nanoTime();
                        JsonNode completed = JSON.readTree(line.substring(5));
                        long providerMillis = completed.path("providerLatencyMs").asLong(0);
                        long totalMicros = TimeUnit.NANOSECONDS.toMicros(visibleAt - acceptedAt);
                        JsonNode reason = completed.path("reason");
                        verdicts.add(new Verdict(totalMicros - providerMillis * 1000, totalMicros, providerMillis,
                                completed.path("verdict").asText(), reason.isTextual() ? reason.asText() : null));
                        return;
                    }
                }
            }
            failures.add("stream of " + id + " ended without a verdict");
        } catch (Exception e) {
            failures.add(e.toString());
        }
    }
}
