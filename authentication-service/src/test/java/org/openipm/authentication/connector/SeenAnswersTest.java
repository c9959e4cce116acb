package org.openipm.authentication.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.testing.PlatformTestResource;

/**
 * A provider's answer is accepted once: for the request it answered, again as often as that request is handled (its
 * verdict is recorded by a later statement, which may fail and be retried); for any other request it is a replay.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class SeenAnswersTest {

    @Inject
    SeenAnswers seenAnswers;

    @Test
    void anAnswerIsAcceptedAgainForItsOwnRequestAndRefusedForAnother() {
        String messageId = "msg_" + UUID.randomUUID();
        UUID request = UUID.randomUUID();

        assertThat(seenAnswers.firstTime(messageId, "acme-ssp", request)).isTrue();
        assertThat(seenAnswers.firstTime(messageId, "acme-ssp", request)).as("the same request handled again").isTrue();
        assertThat(seenAnswers.firstTime(messageId, "acme-ssp", UUID.randomUUID())).as("replayed for another request")
                .isFalse();
        assertThat(seenAnswers.firstTime(messageId, "other-ssp", UUID.randomUUID()))
                .as("ids are per provider").isTrue();
    }

    @Test
    void aGenuineAnswersCheckSaysTheSameAndReadsNoSightingsOfANewCode() {
        String messageId = "msg_" + UUID.randomUUID();
        UUID request = UUID.randomUUID();
        String serial = "S" + UUID.randomUUID().toString().substring(0, 8);

        SeenAnswers.FirstTimeAndSightings first = seenAnswers.firstTimeWithSightings(messageId, "acme-ssp", request,
                "09520123456788", serial);
        SeenAnswers.FirstTimeAndSightings again = seenAnswers.firstTimeWithSightings(messageId, "acme-ssp", request,
                "09520123456788", serial);
        SeenAnswers.FirstTimeAndSightings replayed = seenAnswers.firstTimeWithSightings(messageId, "acme-ssp",
                UUID.randomUUID(), "09520123456788", serial);

        assertThat(first.firstTime()).isTrue();
        assertThat(first.earlierSightings()).isEmpty();
        assertThat(again.firstTime()).isTrue();
        assertThat(replayed.firstTime()).isFalse();
    }
}
