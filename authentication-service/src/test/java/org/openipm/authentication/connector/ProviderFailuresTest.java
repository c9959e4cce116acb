package org.openipm.authentication.connector;

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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openipm.authentication.Fixtures;
import org.openipm.authentication.TestProvider;
import org.openipm.authentication.TestProvider.Behaviour;
import org.openipm.testing.PlatformTestResource;

/**
 * A provider that is slow, down, or answers what cannot be believed gives the officer ERROR with the reason, and
 * never a verdict it did not sign for this very request.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ProviderFailuresTest {

    @Test
    void aSlowProviderGivesErrorWithinItsTimeoutInsteadOfWaitingForIt() {
        Fixtures.Product product = publishedProduct();
        TestProvider provider = providerFor(product, 200).behave(Behaviour.SLOW);
        awaitCatalogue(product);

        JsonPath verdict = awaitCompleted(authenticate(digitalLink(product, "SLOW-1")));

        assertThat(verdict.getString("verdict")).isEqualTo("ERROR");
        assertThat(verdict.getString("reason")).contains("timed out");
        // Three attempts of 200 ms each (two retries), none waiting out the provider's 5 s.
        assertThat(provider.calls()).isEqualTo(3);
    }

    @Test
    void aProviderSendingMegabytesIsAnErrorAndIsNotReadToTheEnd() {
        Fixtures.Product product = publishedProduct();
        providerFor(product, 2000).behave(Behaviour.OVERSIZED);
        awaitCatalogue(product);

        JsonPath verdict = awaitCompleted(authenticate(digitalLink(product, "HUGE-1")));

        assertThat(verdict.getString("verdict")).isEqualTo("ERROR");
        assertThat(verdict.getString("reason")).isEqualTo("provider's answer exceeds 65536 bytes");
    }

    @Test
    void aProviderNobodyListensForIsAnErrorSayingSo() throws Exception {
        Fixtures.Product product = publishedProduct();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Fixtures.registerHttpProvider(Fixtures.newId("ssp"), product.brandId(),
                "http://127.0.0.1:" + closedPort + "/openipm", 1000);
        awaitCatalogue(product);

        JsonPath verdict = awaitCompleted(authenticate(digitalLink(product, "NOBODY-1")));

        assertThat(verdict.getString("verdict")).isEqualTo("ERROR");
        assertThat(verdict.getString("reason")).startsWith("provider unreachable: ");
    }

    @Test
    void aFailingProviderOpensItsCircuitAndIsAskedAgainOnceItRecovers() {
        Fixtures.Product product = publishedProduct();
        TestProvider provider = providerFor(product, 1000).behave(Behaviour.FAILING);
        awaitCatalogue(product);

        JsonPath first = awaitCompleted(authenticate(digitalLink(product, "DOWN-1")));
        assertThat(first.getString("verdict")).isEqualTo("ERROR");
        assertThat(first.getString("reason")).isIn("provider answered HTTP 503",
                "provider not asked: its circuit is open after repeated failures");
        JsonPath second = awaitCompleted(authenticate(digitalLink(product, "DOWN-2")));
        assertThat(second.getString("verdict")).isEqualTo("ERROR");

        int callsWhileOpen = provider.calls();
        JsonPath refused = awaitCompleted(authenticate(digitalLink(product, "DOWN-3")));
        assertThat(refused.getString("reason")).isEqualTo(
                "provider not asked: its circuit is open after repeated failures");
        assertThat(provider.calls()).as("an open circuit does not call the provider").isEqualTo(callsWhileOpen);

        provider.behave(Behaviour.GENUINE);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                "GENUINE".equals(awaitCompleted(authenticate(digitalLink(product, "UP-" + UUID.randomUUID())))
                        .getString("verdict")));
    }

    @Test
    void anUnsignedAnswerIsAnError() {
        assertRejected(Behaviour.UNSIGNED, "answer rejected: unsigned");
    }

    @Test
    void aBadlySignedAnswerIsAnError() {
        assertRejected(Behaviour.BADLY_SIGNED, "answer rejected: bad signature or timestamp older than 5 minutes");
    }

    @Test
    void aStaleAnswerIsAnError() {
        assertRejected(Behaviour.STALE, "answer rejected: bad signature or timestamp older than 5 minutes");
    }

    @Test
    void aGenuineAnswerAboutAnotherRequestIsAnError() {
        assertRejected(Behaviour.OTHER_REQUEST, "answer rejected: it is about another request or code");
    }

    @Test
    void aReplayedAnswerIsAnError() {
        Fixtures.Product product = publishedProduct();
        TestProvider provider = providerFor(product, 5000).behave(Behaviour.REUSED_MESSAGE_ID);
        awaitCatalogue(product);

        JsonPath first = awaitCompleted(authenticate(digitalLink(product, "REPLAY-1")));
        JsonPath replayed = awaitCompleted(authenticate(digitalLink(product, "REPLAY-2")));

        assertThat(first.getString("verdict")).isEqualTo("GENUINE");
        assertThat(replayed.getString("verdict")).isEqualTo("ERROR");
        assertThat(replayed.getString("reason")).isEqualTo("answer rejected: replayed (its webhook-id was seen before)");
        assertThat(provider.calls()).isEqualTo(2);
    }

    private static void assertRejected(Behaviour behaviour, String reason) {
        Fixtures.Product product = publishedProduct();
        TestProvider provider = providerFor(product, 5000).behave(behaviour);
        awaitCatalogue(product);

        JsonPath verdict = awaitCompleted(authenticate(digitalLink(product, behaviour + "-1")));

        assertThat(verdict.getString("verdict")).isEqualTo("ERROR");
        assertThat(verdict.getString("reason")).isEqualTo(reason);
        assertThat(verdict.getString("confidence")).isNull();
        assertThat(provider.calls()).as("a readable but unbelievable answer is not retried").isEqualTo(1);
    }
}
