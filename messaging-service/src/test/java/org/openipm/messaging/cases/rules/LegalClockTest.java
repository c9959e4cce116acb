package org.openipm.messaging.cases.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openipm.messaging.cases.rules.DeadlineKind.DECLARANT_OBJECTION;
import static org.openipm.messaging.cases.rules.DeadlineKind.DEEMED_EXCLUSION;
import static org.openipm.messaging.cases.rules.DeadlineKind.IMPORTER_NOTICE;
import static org.openipm.messaging.cases.rules.DeadlineKind.IMPORTER_RESPONSE;
import static org.openipm.messaging.cases.rules.DeadlineKind.PROCEEDINGS_INITIATION;
import static org.openipm.messaging.cases.rules.DeadlineKind.RELEASE_OR_DETAIN_DECISION;
import static org.openipm.messaging.cases.rules.DeadlineKind.RESTRICTED_DETENTION;
import static org.openipm.messaging.cases.rules.DeadlineKind.RIGHT_HOLDER_CONFIRMATION;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openipm.messaging.cases.CaseStatus;
import org.openipm.messaging.cases.rules.ExtensionDecision.Extended;
import org.openipm.messaging.cases.rules.ExtensionDecision.Reason;
import org.openipm.messaging.cases.rules.ExtensionDecision.Refused;

/** Legal deadlines for offices in France, Germany and the United States, on a clock the test sets. */
class LegalClockTest {

    private static final DeadlineRules RULES = DeadlineRules.bundled();

    private static final Office PARIS = Office.of("FR", "Europe/Paris");
    private static final Office STRASBOURG = Office.of("FR", "67", "Europe/Paris");
    private static final Office POINTE_A_PITRE = Office.of("FR", "America/Guadeloupe");
    private static final Office BERLIN = Office.of("DE", "be", "Europe/Berlin");
    private static final Office MUNICH = Office.of("DE", "by", "Europe/Berlin");
    private static final Office NEW_YORK = Office.of("US", "ny", "America/New_York");
    private static final Office LOS_ANGELES = Office.of("US", "ca", "America/Los_Angeles");

    private final LegalClock clock = clockAt(Instant.parse("2025-12-01T00:00:00Z"));

    @Test
    void aFrenchRightHolderHasTenWorkingDaysAcrossChristmasAndNewYear() {
        Deadline confirmation = only(clock.deadlinesFor(CaseFacts.at(PARIS),
                detainedAt("2025-12-22T10:00", PARIS)), RIGHT_HOLDER_CONFIRMATION);

        // Tue 23, Wed 24, (Thu 25), Fri 26, Mon 29, Tue 30, Wed 31, (Thu 1 Jan), Fri 2, Mon 5, Tue 6, Wed 7.
        assertThat(confirmation.lastDay()).isEqualTo(LocalDate.of(2026, 1, 7));
        assertThat(confirmation.dueAt()).isEqualTo(Instant.parse("2026-01-07T23:00:00Z"));
        assertThat(confirmation.citation()).contains("608/2013").contains("Art. 23(1)");
    }

    @Test
    void theSameDetentionGivesTheDeclarantAndTheProceedingsTheSamePeriod() {
        List<Deadline> deadlines = clock.deadlinesFor(CaseFacts.at(PARIS), detainedAt("2025-12-22T10:00", PARIS));

        assertThat(deadlines).extracting(Deadline::kind).containsExactlyInAnyOrder(
                RIGHT_HOLDER_CONFIRMATION, DECLARANT_OBJECTION, PROCEEDINGS_INITIATION);
        assertThat(deadlines).extracting(Deadline::lastDay).containsOnly(LocalDate.of(2026, 1, 7));
        assertThat(only(deadlines, DECLARANT_OBJECTION).citation()).contains("Art. 23(1)(c)");
        assertThat(only(deadlines, PROCEEDINGS_INITIATION).citation()).contains("Art. 23(3)");
    }

    @Test
    void aGermanLandWithEpiphanyEndsADayLaterThanOneWithout() {
        Deadline berlin = only(clock.deadlinesFor(CaseFacts.at(BERLIN), detainedAt("2025-12-22T10:00", BERLIN)),
                RIGHT_HOLDER_CONFIRMATION);
        Deadline munich = only(clock.deadlinesFor(CaseFacts.at(MUNICH), detainedAt("2025-12-22T10:00", MUNICH)),
                RIGHT_HOLDER_CONFIRMATION);

        // Germany rests on 25 and 26 December and 1 January; Bavaria also on 6 January.
        assertThat(berlin.lastDay()).isEqualTo(LocalDate.of(2026, 1, 8));
        assertThat(munich.lastDay()).isEqualTo(LocalDate.of(2026, 1, 9));
    }

    @Test
    void alsaceEndsADayLaterThanParisBecauseOfTheTwentySixthOfDecember() {
        Deadline paris = only(clock.deadlinesFor(CaseFacts.at(PARIS), detainedAt("2025-12-15T10:00", PARIS)),
                RIGHT_HOLDER_CONFIRMATION);
        Deadline strasbourg = only(clock.deadlinesFor(CaseFacts.at(STRASBOURG),
                detainedAt("2025-12-15T10:00", STRASBOURG)), RIGHT_HOLDER_CONFIRMATION);

        assertThat(paris.lastDay()).isEqualTo(LocalDate.of(2025, 12, 30));
        assertThat(strasbourg.lastDay()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void theUnitedStatesCountBusinessDaysAndCalendarDaysFromPresentation() {
        CaseFacts facts = CaseFacts.at(NEW_YORK);
        List<Deadline> onPresentation = clock.deadlinesFor(facts,
                new StartingEvent(ClockStart.GOODS_PRESENTED, at("2025-12-22T10:00", NEW_YORK)));

        assertThat(onPresentation).extracting(Deadline::kind)
                .containsExactlyInAnyOrder(RELEASE_OR_DETAIN_DECISION, DEEMED_EXCLUSION);
        // 5 business days: Tue 23, Wed 24, (Thu 25), Fri 26, Mon 29, Tue 30.
        assertThat(only(onPresentation, RELEASE_OR_DETAIN_DECISION).lastDay()).isEqualTo(LocalDate.of(2025, 12, 30));
        assertThat(only(onPresentation, RELEASE_OR_DETAIN_DECISION).citation()).contains("19 CFR 151.16");
        // 30 calendar days, weekends and holidays included.
        assertThat(only(onPresentation, DEEMED_EXCLUSION).lastDay()).isEqualTo(LocalDate.of(2026, 1, 21));
        assertThat(only(onPresentation, DEEMED_EXCLUSION).citation()).contains("1499(c)");

        Deadline notice = only(clock.deadlinesFor(facts, detainedAt("2025-12-30T15:00", NEW_YORK)), IMPORTER_NOTICE);
        // Wed 31, (Thu 1 Jan), Fri 2, Mon 5, Tue 6, Wed 7.
        assertThat(notice.lastDay()).isEqualTo(LocalDate.of(2026, 1, 7));
        assertThat(notice.citation()).contains("133.21");

        Deadline importer = only(clock.deadlinesFor(facts,
                new StartingEvent(ClockStart.IMPORTER_NOTIFIED, at("2026-01-08T09:00", NEW_YORK))), IMPORTER_RESPONSE);
        // Fri 9, Mon 12 .. Fri 16, (Mon 19 Martin Luther King Day), Tue 20.
        assertThat(importer.lastDay()).isEqualTo(LocalDate.of(2026, 1, 20));
        assertThat(clock.endedBy(notice, ClockStart.IMPORTER_NOTIFIED)).isTrue();
    }

    @Test
    void restrictedArticlesAloneAreHeldThirtyDaysAndMayBeExtendedForGoodCause() {
        StartingEvent presented = new StartingEvent(ClockStart.GOODS_PRESENTED, at("2025-12-22T10:00", NEW_YORK));
        Deadline restricted = only(clock.deadlinesFor(CaseFacts.at(NEW_YORK, CaseTrait.RESTRICTED_ARTICLE),
                presented), RESTRICTED_DETENTION);

        assertThat(restricted.lastDay()).isEqualTo(LocalDate.of(2026, 1, 21));
        assertThat(clock.deadlinesFor(CaseFacts.at(NEW_YORK), presented)).extracting(Deadline::kind)
                .doesNotContain(RESTRICTED_DETENTION);
        Deadline once = ((Extended) clock.extend(restricted, 15)).deadline();
        Deadline twice = ((Extended) clock.extend(once, 30)).deadline();
        assertThat(twice.lastDay()).isEqualTo(LocalDate.of(2026, 3, 7));
        assertThat(twice.extensionsGranted()).isEqualTo(2);
    }

    @Test
    void perishableGoodsGiveThreeWorkingDaysAndNoExtension() {
        Deadline confirmation = only(clock.deadlinesFor(CaseFacts.at(PARIS, CaseTrait.PERISHABLE),
                detainedAt("2025-12-23T10:00", PARIS)), RIGHT_HOLDER_CONFIRMATION);

        // Wed 24, (Thu 25), Fri 26, (weekend), Mon 29.
        assertThat(confirmation.lastDay()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(clock.extend(confirmation, 1)).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_EXTENSIBLE));
    }

    @Test
    void oneExtensionOfAtMostTenWorkingDaysIsGrantedAndASecondIsRefused() {
        LegalClock beforeTheEnd = clockAt(at("2025-12-29T10:00", PARIS));
        Deadline confirmation = only(beforeTheEnd.deadlinesFor(CaseFacts.at(PARIS),
                detainedAt("2025-12-15T10:00", PARIS)), RIGHT_HOLDER_CONFIRMATION);

        assertThat(beforeTheEnd.extend(confirmation, 11)).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.TOO_LONG));
        Deadline extended = ((Extended) beforeTheEnd.extend(confirmation, 10)).deadline();
        // From Tue 30 Dec: Wed 31, (Thu 1 Jan), Fri 2, Mon 5 .. Fri 9, Mon 12, Tue 13, Wed 14.
        assertThat(extended.lastDay()).isEqualTo(LocalDate.of(2026, 1, 14));
        assertThat(extended.extensionsGranted()).isEqualTo(1);
        assertThat(extended.startedAt()).isEqualTo(confirmation.startedAt());
        assertThat(extended.citation()).contains("Art. 23(4)");
        assertThat(beforeTheEnd.extend(extended, 5)).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.LIMIT_REACHED));
    }

    @Test
    void aPeriodThatHasRunOutCannotBeExtended() {
        LegalClock afterTheEnd = clockAt(at("2025-12-31T00:00", PARIS));
        Deadline confirmation = only(afterTheEnd.deadlinesFor(CaseFacts.at(PARIS),
                detainedAt("2025-12-15T10:00", PARIS)), RIGHT_HOLDER_CONFIRMATION);

        assertThat(afterTheEnd.extend(confirmation, 5)).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.PERIOD_ENDED));
    }

    @Test
    void aDayEndsAtMidnightInTheOfficesZoneNotInParis() {
        Instant detention = Instant.parse("2025-12-15T10:00:00Z");
        Deadline paris = only(clock.deadlinesFor(CaseFacts.at(PARIS),
                new StartingEvent(ClockStart.GOODS_DETAINED, detention)), RIGHT_HOLDER_CONFIRMATION);
        Deadline guadeloupe = only(clock.deadlinesFor(CaseFacts.at(POINTE_A_PITRE),
                new StartingEvent(ClockStart.GOODS_DETAINED, detention)), RIGHT_HOLDER_CONFIRMATION);

        assertThat(guadeloupe.lastDay()).isEqualTo(paris.lastDay());
        assertThat(paris.dueAt()).isEqualTo(Instant.parse("2025-12-30T23:00:00Z"));
        assertThat(guadeloupe.dueAt()).isEqualTo(Instant.parse("2025-12-31T04:00:00Z"));
        Instant halfPastMidnightInParis = Instant.parse("2025-12-30T23:30:00Z");
        assertThat(clock.isMissed(paris, halfPastMidnightInParis)).isTrue();
        assertThat(clock.isMissed(guadeloupe, halfPastMidnightInParis)).isFalse();
    }

    @Test
    void theEventsDayIsTheOfficesDayLosAngelesStartsADayBeforeNewYorkForTheSameInstant() {
        // 06:00 UTC on Tue 3 March 2026 is 01:00 Tuesday in New York but 22:00 Monday in Los Angeles.
        StartingEvent presented = new StartingEvent(ClockStart.GOODS_PRESENTED, Instant.parse("2026-03-03T06:00:00Z"));
        Deadline newYork = only(clock.deadlinesFor(CaseFacts.at(NEW_YORK), presented), RELEASE_OR_DETAIN_DECISION);
        Deadline losAngeles = only(clock.deadlinesFor(CaseFacts.at(LOS_ANGELES), presented),
                RELEASE_OR_DETAIN_DECISION);

        assertThat(newYork.lastDay()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(losAngeles.lastDay()).isEqualTo(LocalDate.of(2026, 3, 9));
        // Daylight saving time began on 8 March: Pacific midnight is 07:00 UTC, Eastern midnight 04:00 UTC.
        assertThat(losAngeles.dueAt()).isEqualTo(Instant.parse("2026-03-10T07:00:00Z"));
        assertThat(newYork.dueAt()).isEqualTo(Instant.parse("2026-03-11T04:00:00Z"));
    }

    @Test
    void aUsOfficeCountsFederalHolidaysNotItsStates() {
        // Cesar Chavez Day (Tuesday 31 March 2026) is a California holiday, not a federal one: CBP works.
        StartingEvent presented = new StartingEvent(ClockStart.GOODS_PRESENTED, at("2026-03-27T10:00",
                LOS_ANGELES));
        Deadline decision = only(clock.deadlinesFor(CaseFacts.at(LOS_ANGELES), presented),
                RELEASE_OR_DETAIN_DECISION);

        // Mon 30, Tue 31, Wed 1 April, Thu 2, Fri 3.
        assertThat(decision.lastDay()).isEqualTo(LocalDate.of(2026, 4, 3));
        assertThat(WorkingCalendar.of("US", "ca", java.util.Set.of()).isPublicHoliday(LocalDate.of(2026, 3, 31)))
                .as("the library knows the state holiday; the US jurisdiction leaves it out").isTrue();
    }

    @Test
    void aDeadlineApproachesFromTheStartOfTheLastLeadWorkingDays() {
        Deadline confirmation = only(clock.deadlinesFor(CaseFacts.at(PARIS), detainedAt("2025-12-15T10:00", PARIS)),
                RIGHT_HOLDER_CONFIRMATION);

        // Last day Tue 30 Dec; two working days left from Mon 29; three from Fri 26 (over the weekend).
        assertThat(clock.approachingFrom(confirmation, 2)).isEqualTo(at("2025-12-29T00:00", PARIS));
        assertThat(clock.approachingFrom(confirmation, 3)).isEqualTo(at("2025-12-26T00:00", PARIS));
        assertThat(clock.isApproaching(confirmation, at("2025-12-28T23:59", PARIS), 2)).isFalse();
        assertThat(clock.isApproaching(confirmation, at("2025-12-29T00:00", PARIS), 2)).isTrue();
        assertThat(clock.isApproaching(confirmation, confirmation.dueAt(), 2)).isFalse();
        assertThat(clock.isMissed(confirmation, confirmation.dueAt())).isTrue();
        assertThat(clock.isMissed(confirmation, confirmation.dueAt().minusSeconds(1))).isFalse();
    }

    @Test
    void aSmallConsignmentGivesTheDeclarantTenWorkingDaysAndAsksNothingOfTheRightHolder() {
        CaseFacts parcel = CaseFacts.at(PARIS, CaseTrait.SMALL_CONSIGNMENT);
        List<Deadline> deadlines = clock.deadlinesFor(parcel, detainedAt("2025-12-15T10:00", PARIS));

        assertThat(deadlines).extracting(Deadline::kind).containsExactly(DECLARANT_OBJECTION);
        assertThat(deadlines.get(0).citation()).contains("Art. 26");
        assertThat(deadlines.get(0).lastDay()).isEqualTo(LocalDate.of(2025, 12, 30));
        assertThat(RULES.procedureFor(parcel)).isEqualTo(Procedure.SMALL_CONSIGNMENT);
        assertThat(RULES.procedureFor(CaseFacts.at(PARIS, CaseTrait.SMALL_CONSIGNMENT, CaseTrait.PERISHABLE)))
                .isEqualTo(Procedure.STANDARD);
        assertThat(RULES.procedureFor(CaseFacts.at(NEW_YORK, CaseTrait.SMALL_CONSIGNMENT)))
                .isEqualTo(Procedure.STANDARD);
        Deadline proceedings = only(clock.deadlinesFor(parcel,
                new StartingEvent(ClockStart.OBJECTION_NOTIFIED, at("2025-12-18T10:00", PARIS))),
                PROCEEDINGS_INITIATION);
        assertThat(proceedings.citation()).contains("Art. 26(9)");
    }

    @Test
    void aDeadlineStopsMatteringOnceTheCaseMovesPastIt() {
        Deadline confirmation = only(clock.deadlinesFor(CaseFacts.at(PARIS), detainedAt("2025-12-15T10:00", PARIS)),
                RIGHT_HOLDER_CONFIRMATION);

        assertThat(clock.endedBy(confirmation, CaseStatus.RIGHT_HOLDER_CONFIRMED)).isTrue();
        assertThat(clock.endedBy(confirmation, CaseStatus.DETAINED)).isFalse();
    }

    @Test
    void anOfficeOutsideEveryJurisdictionHasNoLegalClock() {
        Office geneva = Office.of("CH", "Europe/Zurich");

        assertThat(clock.deadlinesFor(CaseFacts.at(geneva), detainedAt("2025-12-15T10:00", geneva))).isEmpty();
    }

    private static LegalClock clockAt(Instant now) {
        return new LegalClock(RULES, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static StartingEvent detainedAt(String localDateTime, Office office) {
        return new StartingEvent(ClockStart.GOODS_DETAINED, at(localDateTime, office));
    }

    private static Instant at(String localDateTime, Office office) {
        return LocalDateTime.parse(localDateTime).atZone(office.zone()).toInstant();
    }

    private static Deadline only(List<Deadline> deadlines, DeadlineKind kind) {
        List<Deadline> ofKind = deadlines.stream().filter(d -> d.kind() == kind).toList();
        assertThat(ofKind).as("deadlines of kind %s in %s", kind, deadlines).hasSize(1);
        return ofKind.get(0);
    }

}
