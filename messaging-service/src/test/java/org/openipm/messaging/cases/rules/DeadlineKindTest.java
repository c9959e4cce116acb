package org.openipm.messaging.cases.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openipm.messaging.cases.CaseStatus;
import org.openipm.messaging.cases.rules.DeadlineKind.DeadlineParty;

/** Who must act on each kind of deadline, which statuses meet it, and what brands see. */
class DeadlineKindTest {

    @Test
    void theActThatMeetsADeadlineAlwaysEndsItInTheRuleTable() {
        for (DeadlineRule rule : DeadlineRules.bundled().rules()) {
            for (CaseStatus status : CaseStatus.values()) {
                if (rule.kind().satisfiedBy(status)) {
                    assertThat(rule.endsWhen()).as(rule.id() + " is met by " + status).contains(status);
                }
            }
        }
    }

    @Test
    void theRightHolderMeetsItsPeriodsByAnsweringAndReleaseOnlyMakesThemMoot() {
        assertThat(DeadlineKind.RIGHT_HOLDER_CONFIRMATION.mustAct()).isEqualTo(DeadlineParty.RIGHT_HOLDER);
        assertThat(DeadlineKind.RIGHT_HOLDER_CONFIRMATION.satisfiedBy(CaseStatus.RIGHT_HOLDER_CONFIRMED)).isTrue();
        assertThat(DeadlineKind.RIGHT_HOLDER_CONFIRMATION.satisfiedBy(CaseStatus.RELEASED)).isFalse();
        assertThat(DeadlineKind.PROCEEDINGS_INITIATION.satisfiedBy(CaseStatus.PROCEEDINGS)).isTrue();
        assertThat(DeadlineKind.PROCEEDINGS_INITIATION.satisfiedBy(CaseStatus.DESTROYED)).isFalse();
        assertThat(DeadlineKind.RELEASE_OR_DETAIN_DECISION.satisfiedBy(CaseStatus.DETAINED)).isTrue();
    }

    @Test
    void brandsNeverSeeThePeriodsBetweenTheAuthorityAndTheImporter() {
        assertThat(DeadlineKind.IMPORTER_NOTICE.shownToRightHolder()).isFalse();
        assertThat(DeadlineKind.IMPORTER_RESPONSE.shownToRightHolder()).isFalse();
        assertThat(DeadlineKind.RIGHT_HOLDER_CONFIRMATION.shownToRightHolder()).isTrue();
        assertThat(DeadlineKind.DECLARANT_OBJECTION.shownToRightHolder()).isTrue();
    }
}
