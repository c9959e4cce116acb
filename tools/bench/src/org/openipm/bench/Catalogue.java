package org.openipm.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openipm.events.CloudEventHeaders;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.product.ProductPublished;
import org.openipm.events.product.ProductSnapshot;

/** Plays product-service for a benchmark: a brand's product on product-events, as the services' catalogue copies read it. */
public final class Catalogue {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Catalogue() {
    }

    /**
     * java -cp CP org.openipm.bench.Catalogue BOOTSTRAP BRAND GTIN [CATEGORY]: publishes one ProductPublished whose
     * GTIN is verified, so a service's catalogue copy designates the brand's product by it.
     */
    public static void main(String[] args) throws Exception {
        publish(args[0], args[1], args[2], args.length > 3 ? args[3] : "WATCHES");
    }

    public static UUID publish(String bootstrap, String brand, String gtin, String category) throws Exception {
        UUID productId = UUID.randomUUID();
        ProductSnapshot snapshot = new ProductSnapshot(productId, brand, "Brand " + brand, List.of(), "SKU-BENCH",
                "Bench product", category, null, "PUBLISHED", 1, List.of(gtin), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), Instant.now(), List.of(gtin));
        RecordHeaders headers = new RecordHeaders();
        Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString(), CloudEventHeaders.TYPE,
                EventTypes.PRODUCT_PUBLISHED, CloudEventHeaders.SOURCE, "/openipm/product-service",
                CloudEventHeaders.SPEC_VERSION, "1.0", CloudEventHeaders.TIME, Instant.now().toString(),
                CloudEventHeaders.CONTENT_TYPE, "application/json")
                .forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.PRODUCT_EVENTS, null, productId.toString(),
                    JSON.writeValueAsBytes(new ProductPublished(snapshot)), headers)).get();
        }
        System.out.println("product " + productId + " of " + brand + " published with verified GTIN " + gtin);
        return productId;
    }
}
