package org.openipm.reference.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.provider.protocol.AuthenticationAnswer;
import org.openipm.provider.protocol.Verdict;

class JudgementTest {

    private static final UUID REQUEST = UUID.randomUUID();
    private static final Instant FIRST = Instant.parse("2026-03-01T10:15:00Z");

    @Test
    void aCodeScannedUpToTheThresholdIsGenuineAndBeyondItSuspect() {
        AuthenticationAnswer atThreshold = Judgement.issued(REQUEST, "c", new ScanHistory(5, "FR", FIRST), 5, "r");
        AuthenticationAnswer beyond = Judgement.issued(REQUEST, "c", new ScanHistory(6, "FR", FIRST), 5, "r");

        assertThat(atThreshold.verdict()).isEqualTo(Verdict.GENUINE);
        assertThat(atThreshold.evidence().facts()).containsEntry("scanCount", "5").containsEntry("firstSeenCountry", "FR")
                .containsEntry("firstSeenAt", "2026-03-01T10:15:00Z");
        assertThat(beyond.verdict()).isEqualTo(Verdict.SUSPECT);
        assertThat(beyond.confidence()).isLessThan(atThreshold.confidence());
        assertThat(beyond.evidence().facts()).containsEntry("suspectAfterScans", "5");
    }

    @Test
    void everyAnswerRepeatsTheRequestAndTheCode() {
        for (AuthenticationAnswer answer : new AuthenticationAnswer[] { Judgement.notOurs(REQUEST, "c", "r"),
                Judgement.forged(REQUEST, "c", "r"), Judgement.neverIssued(REQUEST, "c", "09520123456788", "S", "r"),
                Judgement.issued(REQUEST, "c", new ScanHistory(1, null, null), 5, "r") }) {
            assertThat(answer.requestId()).isEqualTo(REQUEST);
            assertThat(answer.code()).isEqualTo("c");
            assertThat(answer.providerReference()).isEqualTo("r");
            assertThat(answer.confidence()).isBetween(0.0, 1.0);
        }
        assertThat(Judgement.notOurs(REQUEST, "c", "r").verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(Judgement.forged(REQUEST, "c", "r").verdict()).isEqualTo(Verdict.COUNTERFEIT);
    }
}
