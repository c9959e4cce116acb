package org.openipm.authentication.clone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openipm.authentication.Fixtures.authenticate;
import static org.openipm.authentication.Fixtures.awaitCatalogue;
import static org.openipm.authentication.Fixtures.awaitCompleted;
import static org.openipm.authentication.Fixtures.digitalLink;
import static org.openipm.authentication.Fixtures.providerFor;
import static org.openipm.authentication.Fixtures.publishedProduct;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.authentication.Fixtures;
import org.openipm.events.Topics;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.RecordedEvents;
import org.openipm.testing.TopicReader;

/** One serialised mark verified genuine in Le Havre and, minutes later, in Singapore is a probable clone. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CloneDetectionTest {

    @Test
    void theSameSerialGenuineFarApartAtOnceBecomesSuspectWithTheEarlierSighting() {
        Fixtures.Product product = publishedProduct();
        providerFor(product, 5000);
        awaitCatalogue(product);
        String code = digitalLink(product, "CLONE-" + UUID.randomUUID());

        UUID leHavre = authenticate(code, "FR", 49.49, 0.107);
        JsonPath first = awaitCompleted(leHavre);
        UUID singapore = authenticate(code, "SG", 1.264, 103.84);
        JsonPath second = awaitCompleted(singapore);

        assertThat(first.getString("verdict")).isEqualTo("GENUINE");
        assertThat(first.getBoolean("probableClone")).isFalse();
        assertThat(second.getString("verdict")).isEqualTo("SUSPECT");
        assertThat(second.getBoolean("probableClone")).isTrue();
        assertThat(second.getString("reason")).startsWith("probable clone");
        assertThat(second.getString("evidence.earlierSightings[0].requestId")).isEqualTo(leHavre.toString());
        assertThat(second.getString("evidence.earlierSightings[0].country")).isEqualTo("FR");
        assertThat(second.getString("evidence.text")).isEqualTo("Serial issued by us and intact");

        try (TopicReader completed = new TopicReader(Topics.AUTHENTICATION_COMPLETED)) {
            var record = completed.awaitOne(r -> singapore.toString().equals(r.key()));
            RecordedEvents.conforming(record);
            JsonPath event = JsonPath.from(record.value());
            assertThat(event.getString("verdict")).isEqualTo("SUSPECT");
            assertThat(event.getBoolean("probableClone")).isTrue();
            assertThat(event.getString("evidence.earlierSightings[0].requestId")).isEqualTo(leHavre.toString());
        }
    }

    @Test
    void theSameSerialSeenTwiceInOnePortStaysGenuine() {
        Fixtures.Product product = publishedProduct();
        providerFor(product, 5000);
        awaitCatalogue(product);
        String code = digitalLink(product, "TWICE-" + UUID.randomUUID());

        awaitCompleted(authenticate(code, "FR", 49.49, 0.107));
        JsonPath again = awaitCompleted(authenticate(code, "FR", 49.48, 0.11));

        assertThat(again.getString("verdict")).isEqualTo("GENUINE");
        assertThat(again.getBoolean("probableClone")).isFalse();
    }
}
