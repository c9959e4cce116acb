package org.openipm.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps asyncapi.yaml in step with the constants the services actually use: topic names, partitions and compaction
 * from {@link Topics}, CloudEvents types from {@link EventTypes}, payloads from the schemas.
 */
class AsyncApiContractTest {

    private static JsonNode asyncApi;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = AsyncApiContractTest.class.getResourceAsStream("/asyncapi.yaml")) {
            assertThat(in).as("asyncapi.yaml on the classpath").isNotNull();
            asyncApi = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void isAnAsyncApi3Document() {
        assertThat(asyncApi.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(asyncApi.path("defaultContentType").asText()).isEqualTo(CloudEventHeaders.JSON);
    }

    @Test
    void everyPlatformTopicIsAChannelWithItsPartitionsAndCleanupPolicy() {
        Map<String, JsonNode> channels = channelsByAddress();
        for (TopicSpec spec : Topics.PLATFORM_TOPICS) {
            JsonNode channel = channels.get(spec.name());
            assertThat(channel).as("channel for topic %s", spec.name()).isNotNull();
            JsonNode kafka = channel.path("bindings").path("kafka");
            assertThat(kafka.path("topic").asText()).as(spec.name()).isEqualTo(spec.name());
            assertThat(kafka.path("partitions").asInt()).as("partitions of %s", spec.name()).isEqualTo(spec.partitions());
            assertThat(cleanupPolicy(channel)).as("cleanup.policy of %s", spec.name())
                    .containsExactly(spec.compacted() ? "compact" : "delete");
        }
    }

    @Test
    void everyChannelIsAPlatformTopicTheBrandAlertsOrADeadLetterTopic() {
        Set<String> known = new HashSet<>();
        Topics.PLATFORM_TOPICS.forEach(spec -> known.add(spec.name()));
        known.add(Topics.alertsOf("{brandId}"));
        known.add(Topics.deadLetterOf("{topic}", "{consumingService}"));
        for (String address : channelsByAddress().keySet()) {
            if (known.contains(address)) {
                continue;
            }
            if (address.contains(".dlq.")) {
                String topic = address.substring(0, address.indexOf(".dlq."));
                String service = address.substring(address.indexOf(".dlq.") + ".dlq.".length());
                assertThat(Topics.deadLetterOf(topic, service)).isEqualTo(address);
                assertThat(known).as("dead letters of a known topic").contains(topic);
            } else {
                assertThat(address).as("channel address of no known topic").isIn(known);
            }
        }
        assertThat(channelsByAddress()).containsKeys(Topics.alertsOf("{brandId}"),
                Topics.deadLetterOf("{topic}", "{consumingService}"));
    }

    @Test
    void everyChannelDeclaresItsCleanupPolicyAndEveryParameterOfItsAddress() {
        asyncApi.path("channels").fields().forEachRemaining(entry -> {
            JsonNode channel = entry.getValue();
            assertThat(cleanupPolicy(channel)).as("cleanup.policy of %s", entry.getKey()).isNotEmpty();
            String address = channel.path("address").asText();
            Set<String> placeholders = new HashSet<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(address);
            while (m.find()) {
                placeholders.add(m.group(1));
            }
            Set<String> parameters = new HashSet<>();
            channel.path("parameters").fieldNames().forEachRemaining(parameters::add);
            assertThat(parameters).as("parameters of %s", entry.getKey()).isEqualTo(placeholders);
        });
    }

    @Test
    void everyEventTypeIsAMessageWithItsCloudEventTypeAndSchema() {
        Map<String, String> schemaByType = new LinkedHashMap<>();
        asyncApi.path("components").path("messages").fields().forEachRemaining(entry -> {
            JsonNode message = entry.getValue();
            if (!message.has("payload")) {
                return;
            }
            String type = ceTypeOf(message);
            assertThat(type).as("ce_type const of message %s", entry.getKey()).isNotNull();
            JsonNode payload = message.path("payload");
            assertThat(payload.path("schemaFormat").asText()).isEqualTo("application/schema+json;version=2020-12");
            schemaByType.put(type, payload.path("schema").path("$ref").asText());
        });
        Map<String, String> expected = new LinkedHashMap<>();
        EventSchemas.PAYLOADS.keySet().forEach(type -> expected.put(type, "./schemas/" + EventSchemas.fileOf(type)));
        assertThat(schemaByType).containsExactlyInAnyOrderEntriesOf(expected);
        expected.values().forEach(ref -> assertThat(EventSchemas.class.getResource(ref.substring(1))).as(ref).isNotNull());
    }

    @Test
    void messagesWithoutAPayloadAreMarkedPlannedAndNoneInventsOne() {
        asyncApi.path("components").path("messages").fields().forEachRemaining(entry -> {
            JsonNode message = entry.getValue();
            boolean planned = "planned".equals(message.path("x-status").asText());
            if (entry.getKey().equals("deadLetter")) {
                assertThat(message.has("payload")).as("a dead letter carries whatever bytes failed").isFalse();
            } else {
                assertThat(message.has("payload")).as("message %s has a payload", entry.getKey()).isNotEqualTo(planned);
            }
        });
    }

    @Test
    void cloudEventHeadersAreTheOnesProducersWrite() {
        JsonNode headers = asyncApi.path("components").path("schemas").path("cloudEventHeaders");
        Set<String> names = new HashSet<>();
        headers.path("properties").fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder(CloudEventHeaders.ID, CloudEventHeaders.TYPE,
                CloudEventHeaders.SOURCE, CloudEventHeaders.TIME, CloudEventHeaders.SPEC_VERSION,
                CloudEventHeaders.SUBJECT, CloudEventHeaders.CONTENT_TYPE);
        assertThat(headers.path("properties").path(CloudEventHeaders.SPEC_VERSION).path("const").asText())
                .isEqualTo(CloudEventHeaders.SPEC_VERSION_1_0);
        assertThat(headers.path("properties").path(CloudEventHeaders.CONTENT_TYPE).path("const").asText())
                .isEqualTo(CloudEventHeaders.JSON);
        EventSchemas.PAYLOADS.keySet().forEach(type -> assertThat(type)
                .matches(headers.path("properties").path(CloudEventHeaders.TYPE).path("pattern").asText()));
    }

    @Test
    void everyOperationUsesMessagesOfItsOwnChannel() {
        asyncApi.path("operations").fields().forEachRemaining(entry -> {
            JsonNode operation = entry.getValue();
            String channelRef = operation.path("channel").path("$ref").asText();
            assertThat(resolve(channelRef).isMissingNode()).as("channel of %s", entry.getKey()).isFalse();
            assertThat(operation.path("action").asText()).isIn("send", "receive");
            assertThat(operation.path("messages")).as("messages of %s", entry.getKey()).isNotEmpty();
            operation.path("messages").forEach(message -> {
                String ref = message.path("$ref").asText();
                assertThat(ref).as("message of %s", entry.getKey()).startsWith(channelRef + "/messages/");
                assertThat(resolve(ref).isMissingNode()).as(ref).isFalse();
            });
        });
    }

    @Test
    void everyPlatformTopicAndTheAlertsHaveAProducerAndAConsumer() {
        Map<String, JsonNode> channels = channelsByAddress();
        List<String> addresses = new ArrayList<>();
        Topics.PLATFORM_TOPICS.forEach(spec -> addresses.add(spec.name()));
        addresses.add(Topics.alertsOf("{brandId}"));
        for (String address : addresses) {
            Set<String> actions = new HashSet<>();
            asyncApi.path("operations").forEach(operation -> {
                if (resolve(operation.path("channel").path("$ref").asText()).equals(channels.get(address))) {
                    actions.add(operation.path("action").asText());
                }
            });
            assertThat(actions).as("operations on %s", address).containsExactlyInAnyOrder("send", "receive");
        }
    }

    @Test
    void everyDeadLetterTopicIsWrittenByTheServiceItNames() {
        asyncApi.path("operations").fields().forEachRemaining(entry -> {
            JsonNode channel = resolve(entry.getValue().path("channel").path("$ref").asText());
            String address = channel.path("address").asText();
            if (address.contains(".dlq.") && !address.contains("{")) {
                String service = address.substring(address.indexOf(".dlq.") + ".dlq.".length());
                String camel = service.replaceAll("-(\\w)", "$1");
                assertThat(entry.getKey().toLowerCase()).as("operation writing %s", address)
                        .startsWith(camel.toLowerCase() + ".send");
            }
        });
    }

    private static Map<String, JsonNode> channelsByAddress() {
        Map<String, JsonNode> channels = new LinkedHashMap<>();
        asyncApi.path("channels").forEach(channel -> {
            JsonNode previous = channels.put(channel.path("address").asText(), channel);
            assertThat(previous).as("second channel for %s", channel.path("address").asText()).isNull();
        });
        return channels;
    }

    private static List<String> cleanupPolicy(JsonNode channel) {
        List<String> policy = new ArrayList<>();
        channel.path("bindings").path("kafka").path("topicConfiguration").path("cleanup.policy")
                .forEach(p -> policy.add(p.asText()));
        return policy;
    }

    private static String ceTypeOf(JsonNode message) {
        for (JsonNode part : message.path("headers").path("allOf")) {
            JsonNode type = part.path("properties").path(CloudEventHeaders.TYPE).path("const");
            if (type.isTextual()) {
                return type.asText();
            }
        }
        return null;
    }

    private static JsonNode resolve(String ref) {
        assertThat(ref).as("local reference").startsWith("#/");
        return asyncApi.at(ref.substring(1));
    }
}
