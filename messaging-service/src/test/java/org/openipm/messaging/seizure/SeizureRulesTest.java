package org.openipm.messaging.seizure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SeizureRulesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T12:00:00Z"), ZoneOffset.UTC);

    static SeizureRecord valid() {
        return new SeizureRecord("FR-2025-1", LocalDate.of(2025, 3, 2), "FR", "FRLEH", "POSTAL",
                List.of(new SeizureRecord.Goods(List.of("(01)09520123456788"), "Wrist watches", 12.0, "pieces")),
                1800.0, "EUR", new SeizureRecord.Party("Best Watches Ltd", "CN", "https://shop.example/w"),
                UUID.randomUUID(), null, null);
    }

    private static String brokenField(SeizureRecord seizure) {
        return SeizureRules.check(seizure, CLOCK).map(SeizureRules.Violation::field).orElse("none");
    }

    @Test
    void aCompleteSeizureIsAccepted() {
        assertThat(SeizureRules.check(valid(), CLOCK)).isEmpty();
    }

    @Test
    void eachBrokenRuleNamesItsField() {
        SeizureRecord s = valid();
        assertThat(brokenField(new SeizureRecord(" ", s.seizedOn(), s.country(), s.office(), s.transportMode(),
                s.goods(), s.estimatedValue(), s.currency(), s.consignor(), null, null, null))).isEqualTo("externalId");
        assertThat(brokenField(new SeizureRecord(s.externalId(), LocalDate.of(2025, 3, 20), s.country(),
                s.office(), s.transportMode(), s.goods(), s.estimatedValue(), s.currency(), s.consignor(), null,
                null, null))).isEqualTo("seizedOn");
        assertThat(brokenField(new SeizureRecord(s.externalId(), s.seizedOn(), "XX", s.office(),
                s.transportMode(), s.goods(), s.estimatedValue(), s.currency(), s.consignor(), null, null, null)))
                .isEqualTo("country");
        assertThat(brokenField(new SeizureRecord(s.externalId(), s.seizedOn(), s.country(), s.office(), "SHIP",
                s.goods(), s.estimatedValue(), s.currency(), s.consignor(), null, null, null))).isEqualTo("transportMode");
        assertThat(brokenField(new SeizureRecord(s.externalId(), s.seizedOn(), s.country(), s.office(),
                s.transportMode(), List.of(new SeizureRecord.Goods(List.of(), "Bags", 0.0, "pieces")),
                s.estimatedValue(), s.currency(), s.consignor(), null, null, null))).isEqualTo("goods[0].quantity");
        assertThat(brokenField(new SeizureRecord(s.externalId(), s.seizedOn(), s.country(), s.office(),
                s.transportMode(), s.goods(), 10.0, "EUX", s.consignor(), null, null, null))).isEqualTo("currency");
        assertThat(brokenField(new SeizureRecord(s.externalId(), s.seizedOn(), s.country(), s.office(),
                s.transportMode(), s.goods(), 10.0, null, s.consignor(), null, null, null))).isEqualTo("currency");
        assertThat(brokenField(new SeizureRecord(s.externalId(), s.seizedOn(), s.country(), s.office(),
                s.transportMode(), s.goods(), s.estimatedValue(), s.currency(),
                new SeizureRecord.Party("Shop", "CN", "javascript:alert(1)"), null, null, null)))
                .isEqualTo("consignor.url");
        assertThat(brokenField(new SeizureRecord(s.externalId(), s.seizedOn(), s.country(), s.office(),
                s.transportMode(), s.goods(), s.estimatedValue(), s.currency(), s.consignor(), UUID.randomUUID(),
                null, true))).isEqualTo("openCase");
    }
}
