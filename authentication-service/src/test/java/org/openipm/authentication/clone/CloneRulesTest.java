package org.openipm.authentication.clone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CloneRulesTest {

    private static final UUID PRODUCT = UUID.randomUUID();

    @Test
    void theProductsOwnLimitWinsThenTheBrandsThenTheDefault() {
        CloneRules rules = new CloneRules(5, Map.of(PRODUCT, 3));

        assertThat(rules.limitFor(PRODUCT, 20)).isEqualTo(new CloneRules.VerificationLimit(3, "the product's limit"));
        assertThat(rules.limitFor(UUID.randomUUID(), 20))
                .isEqualTo(new CloneRules.VerificationLimit(5, "the brand's limit"));
        assertThat(CloneRules.none().limitFor(PRODUCT, 20))
                .isEqualTo(new CloneRules.VerificationLimit(20, "the default limit"));
        assertThat(new CloneRules(null, Map.of(PRODUCT, 3)).limitFor(null, 20).maxVerifications()).isEqualTo(20);
    }

    @Test
    void theDetectorCountsAgainstTheGivenLimit() {
        CloneDetector detector = new CloneDetector(900, 20);
        Instant now = Instant.parse("2026-01-01T12:00:00Z");
        List<Sighting> two = List.of(new Sighting(UUID.randomUUID(), "FR", null, null, null, now.minusSeconds(7200)),
                new Sighting(UUID.randomUUID(), "FR", null, null, null, now.minusSeconds(3600)));
        Sighting third = new Sighting(UUID.randomUUID(), "FR", null, null, null, now);

        assertThat(detector.judge(third, two)).isEmpty();
        assertThat(detector.judge(third, two, new CloneRules(2, Map.of()).limitFor(PRODUCT, 20)))
                .get().extracting(CloneDetector.Finding::reason).asString().endsWith("(the brand's limit)");
        assertThat(detector.judge(third, two, new CloneRules(2, Map.of(PRODUCT, 3)).limitFor(PRODUCT, 20)))
                .isEmpty();
    }
}
