import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * java -cp CP AuthenticationBench load BOOTSTRAP AUTH_BASE TOKEN CODES_FILE RATE DIR LABEL:SECONDS...
 *   runs the phases in order (warm-up rounds, then the measured runs) in this one process, so that its own start
 *   and JIT compilation happen before the measured runs, not during them. Each phase starts when the file
 *   DIR/go.LABEL appears (the script takes its CPU snapshots first); a phase labelled warmup... is skipped once the
 *   file DIR/warmup.done appears. For SECONDS, RATE times a second (open loop: a slow answer
 *   does not slow the next request), an officer POSTs an authentication of the next code and reads its verdict
 *   through the server-sent events stream; meanwhile, at the same rate on the same broker, a bare Kafka record goes
 *   producer -> consumer. Writes DIR/raw.LABEL.txt: percentiles of "202 accepted -> verdict visible" minus the
 *   provider's own latency (the overhead), and of the round trip. The officers share one non-blocking Vert.x
 *   client on one event loop (a connection per request in flight, kept alive), so the generator costs little CPU
 *   beside what it measures. The file ends with GENERATOR_TICKS: the CPU time (clock ticks) this process spent
 *   from the phase's first request to its last answer.
 */
public class AuthenticationBench {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "catalogue" -> Catalogue.publish(args[1], args[2], args[3], "PHARMACEUTICALS");
            case "load" -> load(args[1], args[2], args[3], Files.readAllLines(Path.of(args[4])),
                    Integer.parseInt(args[5]), Path.of(args[6]), List.of(args).subList(7, args.length));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }


    /** @param reason why, for an ERROR or UNKNOWN verdict (null otherwise) */
    record Verdict(long overheadMicros, long totalMicros, long providerMillis, String verdict, String reason) {
    }

    static void load(String bootstrap, String base, String token, List<String> codes, int rate, Path dir,
            List<String> phases) throws Exception {
        // HTTP/1.1 as officers' apps and proxies speak it. Two pools: the POSTs reuse a few kept-alive connections;
        // each open stream holds one of its own. A pool's size is what it searches for a free slot when it opens a
        // connection: a pool of 100,000 kept this generator's event loop busy for seconds at a time (its blocked
        // thread warnings) while the streams' verdicts waited, and the measured overhead included that wait.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpClientOptions options = new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5000);
        HttpClient posts = vertx.createHttpClient(options,
                new PoolOptions().setHttp1MaxSize(256).setMaxWaitQueueSize(-1));
        HttpClient streams = vertx.createHttpClient(options,
                new PoolOptions().setHttp1MaxSize(STREAM_CONNECTIONS).setMaxWaitQueueSize(-1));
        // Every request is sent from the client's event loop: built on another thread, a request whose answer came
        // before its next step was attached lost that answer's body (a 202 read as empty, about one in a thousand).
        Clients http = new Clients(posts, streams, vertx.getOrCreateContext());
        LoopLag lag = new LoopLag(vertx);
        KafkaRoundTrip roundTrip = new KafkaRoundTrip(bootstrap, 600);
        roundTrip.start();
        int firstCode = 0;
        for (String phase : phases) {
            String label = phase.substring(0, phase.indexOf(':'));
            int seconds = Integer.parseInt(phase.substring(phase.indexOf(':') + 1));
            boolean skipped = false;
            while (!Files.exists(dir.resolve("go." + label)) && !skipped) {
                // The script ends the warm-up once the service has stopped compiling; the rounds left are not played.
                skipped = label.startsWith("warmup") && Files.exists(dir.resolve("warmup.done"));
                Thread.sleep(20);
            }
            if (skipped) {
                continue;
            }
            roundTrip.reset();
            lag.reset();
            String report = phase(http, lag, roundTrip, base, token, codes.subList(firstCode, codes.size()), rate,
                    seconds);
            firstCode += rate * seconds;
            Path written = dir.resolve("raw." + label + ".txt.part");
            Files.writeString(written, report);
            Files.move(written, dir.resolve("raw." + label + ".txt"));
        }
        roundTrip.stop();
        System.exit(0);
    }

    /** One phase: its report, ending with GENERATOR_TICKS. */
    static String phase(Clients http, LoopLag lag, KafkaRoundTrip roundTrip, String base, String token, List<String> codes,
            int rate, int seconds) throws Exception {
        ConcurrentLinkedQueue<Verdict> verdicts = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        int total = rate * seconds;
        long ticksBefore = ownTicks();
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        ticks.scheduleAtFixedRate(() -> {
            int n = next.getAndIncrement();
            if (n < total) {
                String code = codes.get(n % codes.size());
                http.loop().runOnContext(v -> authenticate(http, base, token, code, verdicts, failures));
                roundTrip.send();
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 60L);
        while ((verdicts.size() + failures.size() < total || roundTrip.received() < total)
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long generatorTicks = ownTicks() - ticksBefore;
        ticks.shutdownNow();

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
        StringBuilder report = new StringBuilder();
        report.append(String.format("requests %d at %d/s: verdicts %d %s, failures %d%s%n", total, rate,
                verdicts.size(), byVerdict, failures.size(),
                failures.isEmpty() ? "" : " (first: " + failures.peek() + ")"));
        byReason.forEach((reason, count) -> report.append(String.format("  %5d x %s%n", count, reason)));
        Stats o = Stats.of(overhead);
        Stats p = Stats.of(provider);
        Stats k = Stats.of(kafka);
        report.append(String.format("  overhead (accepted -> verdict on the stream, minus provider latency): %s%n",
                o));
        report.append(String.format("  provider latency as the verdict reports it:                          %s%n",
                p));
        report.append(String.format("  bare Kafka produce -> consume, same broker, same rate (%d records):   %s%n",
                kafka.size(), k));
        report.append(String.format("  ratio overhead / Kafka round trip: p50 %.1f, p99 %.1f%n",
                Stats.ratio(o.p50(), k.p50()), Stats.ratio(o.p99(), k.p99())));
        // How late this generator's own event loop ran: it stamps each verdict, so its lag is inside the overhead.
        report.append(String.format("  generator's event loop, lateness of a 10 ms timer:                   %s%n",
                Stats.of(lag.latenessMicros())));
        report.append(String.format("RESULT overhead_p50_ms=%.1f overhead_p99_ms=%.1f overhead_max_ms=%.1f "
                + "kafka_p50_ms=%.1f kafka_p99_ms=%.1f kafka_max_ms=%.1f failures=%d%n", o.p50() / 1000.0,
                o.p99() / 1000.0, o.max() / 1000.0, k.p50() / 1000.0, k.p99() / 1000.0, k.max() / 1000.0,
                failures.size()));
        report.append(String.format("GENERATOR_TICKS %d%n", generatorTicks));
        return report.toString();
    }


    /** Connections allowed for open streams: 40 s of verdicts at 200/s could wait at once before one queues. */
    static final int STREAM_CONNECTIONS = 8_192;

    /** The client of the POSTs and the client of the streams. */
    record Clients(HttpClient posts, HttpClient streams, Context loop) {
    }

    /** The lateness of a 10 ms periodic timer on the generator's event loop, since the last reset. */
    static final class LoopLag {
        private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
        private final ConcurrentLinkedQueue<Long> lateness = new ConcurrentLinkedQueue<>();
        private volatile long last = System.nanoTime();

        LoopLag(Vertx vertx) {
            vertx.setPeriodic(10, id -> {
                long now = System.nanoTime();
                lateness.add(Math.max(0, now - last - PERIOD_NANOS) / 1000);
                last = now;
            });
        }

        void reset() {
            lateness.clear();
        }

        List<Long> latenessMicros() {
            return new ArrayList<>(lateness);
        }
    }

    /** User and system CPU time of this process, in clock ticks (/proc/self/stat, fields 14 and 15). */
    static long ownTicks() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }


    /** One officer's request: POST, then the server-sent events stream until its one event. */
    static void authenticate(Clients http, String base, String token, String code,
            ConcurrentLinkedQueue<Verdict> verdicts, ConcurrentLinkedQueue<String> failures) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("code", code, "place", Map.of("country", "FR")));
        } catch (Exception e) {
            failures.add(e.toString());
            return;
        }
        http.posts().request(new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(base + "/api/v1/authentications")
                        .putHeader("Authorization", "Bearer " + token).putHeader("Content-Type", "application/json")
                        .setIdleTimeout(30_000))
                .compose(post -> post.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(accepted -> {
                    long acceptedAt = System.nanoTime();
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException("POST " + response.statusCode() + " " + accepted);
                    }
                    if (accepted.length() == 0) { // what the response said it carried
                        throw new IllegalStateException("POST 202 with an empty body (content-length "
                                + response.getHeader("content-length") + ", " + response.version() + ")");
                    }
                    return new Accepted(acceptedAt, readId(accepted));
                }))
                .compose(accepted -> stream(http, base, token, accepted.id(), accepted.at(), verdicts, failures))
                .onFailure(e -> failures.add(e.getMessage() != null && e.getMessage().startsWith("POST ")
                        ? e.getMessage() : e.toString()));
    }

    /** @param at when the 202 arrived (System.nanoTime) */
    record Accepted(long at, String id) {
    }

    static String readId(Buffer accepted) {
        try {
            return JSON.readTree(accepted.getBytes()).get("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException("POST 202 " + accepted, e);
        }
    }

    /** The request's server-sent events stream, read line by line until its one data line. */
    static Future<Void> stream(Clients http, String base, String token, String id, long acceptedAt,
            ConcurrentLinkedQueue<Verdict> verdicts, ConcurrentLinkedQueue<String> failures) {
        AtomicBoolean done = new AtomicBoolean();
        return http.streams().request(new RequestOptions().setMethod(HttpMethod.GET)
                        .setAbsoluteURI(base + "/api/v1/authentications/" + id + "/events")
                        .putHeader("Authorization", "Bearer " + token).putHeader("Accept", "text/event-stream")
                        .setIdleTimeout(60_000))
                .compose(get -> get.send())
                .map((HttpClientResponse response) -> {
                    response.handler(RecordParser.newDelimited("\n", line -> {
                        String text = line.toString(StandardCharsets.UTF_8);
                        if (text.startsWith("data:") && done.compareAndSet(false, true)) {
                            long visibleAt = System.nanoTime();
                            try {
                                verdicts.add(verdict(text.substring(5), acceptedAt, visibleAt));
                            } catch (RuntimeException e) {
                                failures.add("verdict of " + id + ": " + e);
                            }
                        }
                    }));
                    response.exceptionHandler(e -> {
                        if (done.compareAndSet(false, true)) {
                            failures.add(e.toString());
                        }
                    });
                    response.endHandler(end -> {
                        if (done.compareAndSet(false, true)) {
                            failures.add("stream of " + id + " ended without a verdict");
                        }
                    });
                    return null;
                });
    }

    static Verdict verdict(String data, long acceptedAt, long visibleAt) {
        try {
            JsonNode completed = JSON.readTree(data);
            long providerMillis = completed.path("providerLatencyMs").asLong(0);
            long totalMicros = TimeUnit.NANOSECONDS.toMicros(visibleAt - acceptedAt);
            JsonNode reason = completed.path("reason");
            return new Verdict(totalMicros - providerMillis * 1000, totalMicros, providerMillis,
                    completed.path("verdict").asText(), reason.isTextual() ? reason.asText() : null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
