package org.openipm.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openipm.events.CloudEventHeaders;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.product.ProductPublished;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.launcher.ServiceProcess;
import org.openipm.testing.KafkaBroker;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/**
 * Scaling out, shown on the packaged services: a second instance of each consumer-driven service joins the
 * platform's one (same broker, database, schema and consumer group, another HTTP port). The groups' assignments,
 * read through the Kafka Admin API, show each instance owning some partitions. Then work streams into each service
 * at once: catalogue snapshots on {@code product-events} (lookup-service), officers' requests through the API
 * ({@code authentication-requested}), a customs system's seizures written straight onto {@code seizure-reported} with
 * its producer token (matched by messaging-service) and so the matched seizures ({@code seizure-matched}, alerted by
 * notification-service).
 * Halfway, once each second instance has committed work of its own, all four are killed with SIGKILL; the rest of
 * the stream follows. Every item takes effect exactly once (lookup answers, verdicts and their events, seizure
 * statistics, alerts: counted, none missing, none twice) and the survivor owns every partition again.
 * <p>
 * Each second instance names its consumer to the broker through an environment variable of a channel whose name
 * has a dash ({@code MP_MESSAGING_INCOMING_PRODUCT_EVENTS_CLIENT_ID}, ...): that is how the test tells the instances
 * apart, so it also shows that such a variable reaches a packaged service.
 */
@ExtendWith(PlatformExtension.class)
class SecondInstancesShareTheWorkAndSurviveAKillIT {

    /** Items per service, sent in slices; the second instances are killed after half of them. */
    private static final int ITEMS = 240;
    private static final int SLICES = 8;
    private static final int PER_SLICE = ITEMS / SLICES;
    private static final String SEIZED_ON = "2025-04-02";
    /** Where a customs system's record on seizure-reported carries the bearer token that proves its authority. */
    private static final String PRODUCER_TOKEN_HEADER = "openipm-producer-token";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform(RunningPlatform running) {
        platform = running;
    }

    /** A service's second instance and the consumer this scenario loads: its channel, topic and group. */
    private record Second(String service, String channel, String group, String clientId, ServiceProcess process) {

        static Second start(String service, String channel) throws IOException {
            String group = property(service, "mp.messaging.incoming." + channel + ".group.id");
            String clientId = service + "-2." + channel;
            ServiceProcess process = platform.startAnotherInstance(service, service + "-2", Map.of(
                    env("mp.messaging.incoming." + channel + ".client.id"), clientId,
                    // A killed member's partitions move once the broker gives up on it: after its session timeout
                    // (45 s by default), here the broker's minimum.
                    "KAFKA_SESSION_TIMEOUT_MS", "6000",
                    "KAFKA_HEARTBEAT_INTERVAL_MS", "1000",
                    // Four more JVMs start at once on a machine the platform already keeps busy: a migration's first
                    // connection may take longer than the pool's 5 s by default.
                    "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60s"));
            return new Second(service, channel, group, clientId, process);
        }

        String topic() {
            return channel; // every channel here is named after its topic
        }

        void kill() throws Exception {
            process.handle().destroyForcibly(); // SIGKILL: no shutdown hook, no leaving the group, no commit
            process.handle().onExit().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void eachSecondInstanceTakesPartitionsAndItsSigkillLosesNothingAndRepeatsNothing() throws Exception {
        List<Second> seconds = List.of(
                Second.start("lookup-service", Topics.PRODUCT_EVENTS),
                Second.start("authentication-service", Topics.AUTHENTICATION_REQUESTED),
                Second.start("messaging-service", Topics.SEIZURE_REPORTED),
                Second.start("notification-service", Topics.SEIZURE_MATCHED));

        // Set up while they start: a brand with one product messaging-service matches seizures against.
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String brand = "scale-" + suffix;
        String authority = "scale-" + suffix;
        String prefix = "94" + String.format(Locale.ROOT, "%05d", ThreadLocalRandom.current().nextInt(100_000));
        String seizedGtin = gtin13(prefix, 99_999);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("id", authority, "name", "Douane " + authority, "country", "FR", "type", "CUSTOMS",
                        "offices", List.of(Map.of("code", "FRLEH", "name", "Le Havre", "kind", "PORT", "timeZone",
                                "Europe/Paris")), "languages", List.of("fr"), "contacts", List.of()))
                .post(platform.url("messaging-service") + "/api/v1/authorities").then().statusCode(201);
        List<UUID> productIds = IntStream.range(0, ITEMS).mapToObj(i -> UUID.randomUUID()).toList();
        List<String> requestIds = new ArrayList<>();
        String officer = Tokens.officer(authority, "FR");
        String customsSystem = Tokens.withRole("customs-system", authority, "FR");

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(), ProducerConfig.ACKS_CONFIG,
                "all"), new StringSerializer(), new ByteArraySerializer());
                ConsumerGroups groups = new ConsumerGroups();
                TopicReader verdicts = new TopicReader(Topics.AUTHENTICATION_COMPLETED)) {
            var anchor = publish(producer, UUID.randomUUID(), brand, prefix, seizedGtin);
            awaitConsumedPast(groups, property("messaging-service", "mp.messaging.incoming.product-events.group.id"),
                    anchor.partition(), anchor.offset());

            for (Second second : seconds) {
                second.process().awaitReady(Duration.ofMinutes(6));
            }
            Map<Second, Set<Integer>> ownedBySecond = new HashMap<>();
            for (Second second : seconds) {
                ownedBySecond.put(second, awaitShared(groups, second));
            }
            Map<Second, Map<Integer, Long>> before = new HashMap<>();
            seconds.forEach(s -> before.put(s, groups.endOffsets(s.topic())));

            for (int slice = 0; slice < SLICES; slice++) {
                if (slice == SLICES / 2) {
                    // Mid-stream: each second instance has committed work of its own, and may hold more in flight.
                    for (Second second : seconds) {
                        awaitCommittedWorkOf(groups, second, ownedBySecond.get(second), before.get(second));
                    }
                    for (Second second : seconds) {
                        second.kill();
                    }
                }
                for (int i = slice * PER_SLICE; i < (slice + 1) * PER_SLICE; i++) {
                    publish(producer, productIds.get(i), brand, prefix, gtin13(prefix, i));
                    requestIds.add(given().auth().oauth2(officer).contentType(ContentType.JSON)
                            .body(Map.of("code", "https://id.gs1.org/01/0" + seizedGtin + "/21/SCALE" + i,
                                    "place", Map.of("country", "FR", "office", "FRLEH")))
                            .post(platform.url("authentication-service") + "/api/v1/authentications")
                            .then().statusCode(202).extract().<String>path("id"));
                }
                List<Map<String, Object>> seizures = new ArrayList<>();
                for (int i = slice * PER_SLICE; i < (slice + 1) * PER_SLICE; i++) {
                    seizures.add(Map.of("externalId", "SCALE-" + i, "seizedOn", SEIZED_ON, "country", "FR",
                            "office", "FRLEH", "transportMode", "POSTAL", "goods", List.of(Map.of(
                                    "codes", List.of("(01)0" + seizedGtin), "description", "Diver watches",
                                    "quantity", 1, "unit", "pieces"))));
                }
                for (Map<String, Object> seizure : seizures) {
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SEIZURE_REPORTED,
                            authority + "/" + seizure.get("externalId"), JSON.writeValueAsBytes(seizure));
                    record.headers().add(PRODUCER_TOKEN_HEADER, customsSystem.getBytes(StandardCharsets.UTF_8));
                    producer.send(record);
                }
            }
            producer.flush();

            // The survivor takes over what the killed instance owned, and every item takes effect once.
            for (Second second : seconds) {
                int partitions = groups.partitions(second.topic());
                Awaitility.await(second.service() + " survivor owns every partition").atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(500)).until(() -> {
                            Map<String, Set<Integer>> owned = groups.partitionsByClient(second.group(), second.topic());
                            return owned.size() == 1 && !owned.containsKey(second.clientId())
                                    && owned.values().iterator().next().size() == partitions;
                        });
            }
            assertLookupAnswersEachProductOnce(groups, seconds.get(0), officer, productIds, prefix);
            assertEachRequestCompletedOnce(officer, requestIds, verdicts);
            assertSeizuresCountedAndAlertedOnce(brand);
        } finally {
            // Should the scenario fail before the kill, the scenarios after it find the platform as it was.
            seconds.stream().map(Second::process).filter(ServiceProcess::isAlive)
                    .forEach(p -> p.stop(Duration.ofSeconds(15)));
        }
    }

    /** Every snapshot consumed: each GTIN designates its product, and only it. */
    private static void assertLookupAnswersEachProductOnce(ConsumerGroups groups, Second lookup, String officer,
            List<UUID> productIds, String prefix) {
        Awaitility.await("lookup-service consumed every snapshot").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    Map<Integer, Long> committed = groups.committed(lookup.group(), lookup.topic());
                    return groups.endOffsets(lookup.topic()).entrySet().stream()
                            .allMatch(end -> committed.getOrDefault(end.getKey(), 0L) >= end.getValue());
                });
        for (int i = 0; i < ITEMS; i++) {
            List<String> found = given().auth().oauth2(officer).queryParam("code", gtin13(prefix, i))
                    .get(platform.url("lookup-service") + "/api/v1/lookup").then().statusCode(200)
                    .extract().jsonPath().getList("products.productId");
            assertThat(found).as("lookup of product " + i).containsExactly(productIds.get(i).toString());
        }
    }

    /** Each request has its verdict (no provider covers the brand: UNKNOWN), and exactly one completion event. */
    private static void assertEachRequestCompletedOnce(String officer, List<String> requestIds, TopicReader verdicts) {
        Set<String> pending = new HashSet<>(requestIds);
        Awaitility.await("every authentication completed").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    pending.removeIf(id -> given().auth().oauth2(officer)
                            .get(platform.url("authentication-service") + "/api/v1/authentications/" + id)
                            .then().statusCode(200).extract().<String>path("status").equals("COMPLETED"));
                    return pending.isEmpty();
                });
        Set<String> ours = Set.copyOf(requestIds);
        List<ConsumerRecord<String, String>> completions = new ArrayList<>();
        Awaitility.await("a completion event per request").atMost(Duration.ofMinutes(1)).until(() -> {
            completions.clear();
            verdicts.drain(Duration.ofMillis(200)).stream().filter(r -> ours.contains(r.key())).forEach(completions::add);
            return completions.stream().map(ConsumerRecord::key).distinct().count() == ITEMS;
        });
        Map<String, Set<String>> eventIdsByRequest = completions.stream().collect(Collectors.groupingBy(
                ConsumerRecord::key, Collectors.mapping(r -> TopicReader.header(r, CloudEventHeaders.ID),
                        Collectors.toSet())));
        assertThat(eventIdsByRequest).hasSize(ITEMS);
        assertThat(eventIdsByRequest.values()).as("one verdict event per request (a record relayed twice keeps its id)")
                .allSatisfy(ids -> assertThat(ids).hasSize(1));
        assertThat(completions).allSatisfy(r -> assertThat(JsonPath.from(r.value()).getString("verdict"))
                .isEqualTo("UNKNOWN"));
    }

    /** Each seizure matched once: counted once in the brand's statistics, and alerted to the brand once. */
    private static void assertSeizuresCountedAndAlertedOnce(String brand) {
        String brandToken = Tokens.brand(brand);
        Awaitility.await("every seizure matched and alerted").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    long counted = seizuresCounted(brandToken);
                    int alerted = seizureAlerts(brandToken).size();
                    assertThat(counted >= ITEMS && alerted >= ITEMS)
                            .as("seizures counted %d and alerted %d of %d", counted, alerted, ITEMS).isTrue();
                });
        assertThat(seizuresCounted(brandToken)).isEqualTo(ITEMS);
        List<JsonPath> alerts = seizureAlerts(brandToken);
        assertThat(alerts).hasSize(ITEMS);
        assertThat(alerts.stream().map(a -> a.getString("facts.seizureId")).distinct()).hasSize(ITEMS);
        assertThat(alerts).allSatisfy(a -> assertThat(a.getList("brands")).containsExactly(brand));
    }

    private static long seizuresCounted(String brandToken) {
        JsonPath statistics = given().auth().oauth2(brandToken)
                .get(platform.url("messaging-service") + "/api/v1/statistics/seizures?groupBy=country&from="
                        + SEIZED_ON + "&to=" + SEIZED_ON)
                .then().statusCode(200).extract().jsonPath();
        return statistics.getList("groups").isEmpty() ? 0 : statistics.getLong("groups[0].seizures");
    }

    private static List<JsonPath> seizureAlerts(String brandToken) {
        List<JsonPath> alerts = new ArrayList<>();
        for (int page = 0;; page++) {
            List<Map<String, Object>> items = given().auth().oauth2(brandToken)
                    .queryParam("type", "SEIZURE_MATCHED").queryParam("size", 200).queryParam("page", page)
                    .get(platform.url("notification-service") + "/api/v1/alerts").then().statusCode(200)
                    .extract().jsonPath().getList("items");
            items.forEach(item -> alerts.add(JsonPath.from(toJson(item))));
            if (items.size() < 200) {
                return alerts;
            }
        }
    }

    /** Both instances are members of the group and each owns some partitions; returns the second's. */
    private static Set<Integer> awaitShared(ConsumerGroups groups, Second second) {
        Map<String, Set<Integer>> owned = new HashMap<>();
        Awaitility.await(second.service() + " shares " + second.topic()).atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    owned.clear();
                    owned.putAll(groups.partitionsByClient(second.group(), second.topic()));
                    return owned.size() == 2 && owned.values().stream().noneMatch(Set::isEmpty)
                            && owned.containsKey(second.clientId());
                });
        Set<Integer> all = new HashSet<>();
        owned.values().forEach(all::addAll);
        assertThat(all).hasSize(groups.partitions(second.topic()));
        return owned.get(second.clientId());
    }

    /** The group committed, on a partition the second instance owns, past where the stream began. */
    private static void awaitCommittedWorkOf(ConsumerGroups groups, Second second, Set<Integer> owned,
            Map<Integer, Long> streamStart) {
        Awaitility.await(second.service() + "'s second instance commits work").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    Map<Integer, Long> committed = groups.committed(second.group(), second.topic());
                    return owned.stream().anyMatch(p -> committed.getOrDefault(p, 0L) > streamStart.get(p));
                });
    }

    private static void awaitConsumedPast(ConsumerGroups groups, String group, int partition, long offset) {
        Awaitility.await(group + " consumed the product").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> groups.committed(group, Topics.PRODUCT_EVENTS).getOrDefault(partition, 0L) > offset);
    }

    /**
     * A published product of the brand with one verified GTIN, as product-service writes it to product-events: its
     * GTINs as GTIN-14, the form the services' catalogue copies compare.
     */
    private static org.apache.kafka.clients.producer.RecordMetadata publish(KafkaProducer<String, byte[]> producer,
            UUID productId, String brand, String prefix, String gtin13) {
        ProductSnapshot snapshot = new ProductSnapshot(productId, brand, "Maison " + brand, List.of(prefix),
                "SKU-" + gtin13, "Diver watch " + gtin13, "WATCHES", "Steel case", "PUBLISHED", 1, List.of("0" + gtin13),
                List.of(), List.of(), List.of(), List.of(), List.of(new ProductSnapshot.Contact("*", "en", "IPR",
                        "Brand protection", "ipr@" + brand + ".example", null, null, true)),
                List.of(), Instant.now(), List.of("0" + gtin13));
        try {
            return producer.send(new ProducerRecord<>(Topics.PRODUCT_EVENTS, null, productId.toString(),
                    JSON.writeValueAsBytes(new ProductPublished(snapshot)), CloudEventHeaders.write(UUID.randomUUID(),
                            EventTypes.PRODUCT_PUBLISHED, "product-service", productId.toString(), Instant.now())))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish to " + Topics.PRODUCT_EVENTS, e);
        }
    }

    private static String gtin13(String prefix, int item) {
        String body = prefix + String.format(Locale.ROOT, "%05d", item);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return body + (10 - sum % 10) % 10;
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A setting as the service's application.properties declares it. */
    private static String property(String service, String key) {
        Path file = Path.of(System.getProperty("openipm.project.dir", "../.."), service,
                "src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty(key);
    }

    /** MicroProfile Config's environment form of a key: upper case, every other character than A-Z 0-9 is _. */
    private static String env(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
