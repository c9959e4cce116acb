package org.openipm.messaging.cases.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule table: what ships, how a jurisdiction is added as data, and which mistakes stop it loading. */
class DeadlineRulesTest {

    private static final String UNITED_KINGDOM = """
            {
              "jurisdictions": [{
                "id": "UK", "name": "United Kingdom: HM Revenue and Customs", "countries": ["GB"],
                "weekend": ["SATURDAY", "SUNDAY"], "regionalHolidays": true, "smallConsignmentProcedure": false,
                "dayCounting": "Working days exclude weekends and the bank holidays of the office's nation"
              }],
              "rules": [{
                "id": "UK-608-23-1-RIGHT-HOLDER", "jurisdiction": "UK", "kind": "RIGHT_HOLDER_CONFIRMATION",
                "startsOn": "GOODS_DETAINED", "amount": 10, "unit": "WORKING_DAYS",
                "endsWhen": ["RIGHT_HOLDER_CONFIRMED", "NOT_CONFIRMED", "RELEASED", "CLOSED"],
                "onExpiry": "The goods are released",
                "citation": "Regulation (EU) No 608/2013 as retained in UK law, Art. 23(1)"
              }]
            }""";

    @Test
    void theBundledTableCoversTheEuMemberStatesAndTheUnitedStatesWithCitedRules() {
        DeadlineRules rules = DeadlineRules.bundled();

        assertThat(rules.jurisdictionOf("DE")).get().extracting(Jurisdiction::id).isEqualTo("EU");
        assertThat(rules.jurisdictionOf("FR")).get().extracting(Jurisdiction::id).isEqualTo("EU");
        assertThat(rules.jurisdictionOf("US")).get().extracting(Jurisdiction::id).isEqualTo("US");
        assertThat(rules.jurisdictionOf("EU").orElse(null)).isNull();
        assertThat(rules.jurisdictions().get(0).countries()).hasSize(27);
        assertThat(rules.rules()).allSatisfy(rule -> assertThat(rule.citation()).isNotBlank());
        assertThat(rules.rules()).extracting(DeadlineRule::citation)
                .anyMatch(c -> c.contains("Art. 23(1)(a)")).anyMatch(c -> c.contains("Art. 26"))
                .anyMatch(c -> c.contains("151.16")).anyMatch(c -> c.contains("133.21"))
                .anyMatch(c -> c.contains("1499(c)")).anyMatch(c -> c.contains("133.25"));
    }

    @Test
    void everyCountryOfTheBundledTableHasAPublicHolidayCalendar() {
        DeadlineRules rules = DeadlineRules.bundled();
        LegalClock clock = new LegalClock(rules, Clock.systemUTC());

        for (Jurisdiction jurisdiction : rules.jurisdictions()) {
            for (String country : jurisdiction.countries()) {
                WorkingCalendar calendar = clock.calendarOf(Office.of(country, "UTC"));
                assertThat(calendar.isPublicHoliday(LocalDate.of(2026, 1, 1)))
                        .as("New Year's Day in %s", country).isTrue();
            }
        }
    }

    @Test
    void aJurisdictionIsAddedAsDataWithoutCode() throws IOException {
        DeadlineRules rules = read(UNITED_KINGDOM);
        LegalClock clock = new LegalClock(rules, Clock.fixed(Instant.parse("2025-12-01T00:00:00Z"), ZoneOffset.UTC));
        Office london = Office.of("GB", "Europe/London");

        List<Deadline> deadlines = clock.deadlinesFor(CaseFacts.at(london),
                new StartingEvent(ClockStart.GOODS_DETAINED, Instant.parse("2025-12-22T10:00:00Z")));

        // Bank holidays on Christmas Day, Boxing Day and New Year's Day.
        assertThat(deadlines).singleElement().satisfies(d -> {
            assertThat(d.lastDay()).isEqualTo(LocalDate.of(2026, 1, 8));
            assertThat(d.citation()).contains("retained in UK law");
        });
    }

    @Test
    void aCountryInTwoJurisdictionsIsRefused() {
        String twice = UNITED_KINGDOM.replace("\"jurisdictions\": [{", """
                        "jurisdictions": [{"id": "OTHER", "name": "x", "countries": ["GB"], "weekend": [],
                          "regionalHolidays": false, "smallConsignmentProcedure": false, "dayCounting": "x"}, {""");

        assertThatThrownBy(() -> read(twice)).hasMessageContaining("GB is in both");
    }

    @Test
    void aCountryCodeMustBeIsoAlpha2() {
        String lowerCase = UNITED_KINGDOM.replace("\"countries\": [\"GB\"]", "\"countries\": [\"gb\"]");

        assertThatThrownBy(() -> read(lowerCase)).hasMessageContaining("gb");
    }

    @Test
    void aRuleWithoutItsSourceIsRefused() {
        String uncited = UNITED_KINGDOM.replace("\"Regulation (EU) No 608/2013 as retained in UK law, Art. 23(1)\"",
                "\"\"");

        assertThatThrownBy(() -> read(uncited)).hasMessageContaining("cites no source");
    }

    @Test
    void aMisspeltFieldIsRefusedInsteadOfFallingBackToADefault() {
        String misspelt = UNITED_KINGDOM.replace("\"amount\"", "\"ammount\"");

        assertThatThrownBy(() -> read(misspelt)).hasMessageContaining("ammount");
    }

    @Test
    void aRuleOfAnUnknownJurisdictionIsRefused() {
        String orphan = UNITED_KINGDOM.replace("\"jurisdiction\": \"UK\"", "\"jurisdiction\": \"UKX\"");

        assertThatThrownBy(() -> read(orphan)).hasMessageContaining("unknown jurisdiction UKX");
    }

    private static DeadlineRules read(String json) throws IOException {
        return DeadlineRules.from(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
