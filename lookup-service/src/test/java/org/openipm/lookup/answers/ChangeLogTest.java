package org.openipm.lookup.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.lookup.readmodel.ReadModelNotice;

/** When an answer kept in memory goes stale: exactly when something it depends on changed after it was read. */
class ChangeLogTest {

    private static final String GTIN = "09520123456788";
    private static final String OTHER_GTIN = "00012345678905";

    private final ChangeLog changes = new ChangeLog(1_000);
    private final UUID shownProduct = UUID.randomUUID();
    private final Object[] gtinAnswer = ChangeLog.dependencies(new MatchKey(GTIN, null, List.of(), "FR"),
            List.of(row(shownProduct)));
    private final Object[] imeiAnswer = ChangeLog.dependencies(new MatchKey(null, "35123456", List.of(), "FR"),
            List.of());

    @Test
    void anAnswerStaysCurrentWhileOnlyOtherProductsAndGtinsChange() {
        long readAt = changes.now();
        changes.heard(notice(UUID.randomUUID(), false, OTHER_GTIN), 1);

        assertThat(changes.isCurrent(readAt, gtinAnswer)).isTrue();
        assertThat(changes.isCurrent(readAt, imeiAnswer)).isTrue();
    }

    @Test
    void aProductNowClaimingTheGtinMakesTheAnswerStale() {
        long readAt = changes.now();
        changes.heard(notice(UUID.randomUUID(), false, GTIN), 1);

        assertThat(changes.isCurrent(readAt, gtinAnswer)).isFalse();
    }

    @Test
    void aChangeToAProductTheAnswerShowsMakesItStale() {
        long readAt = changes.now();
        changes.heard(notice(shownProduct, false), 1);

        assertThat(changes.isCurrent(readAt, gtinAnswer)).isFalse();
    }

    @Test
    void aChangeHeardBeforeTheQueryRanLeavesItsAnswerCurrent() {
        changes.heard(notice(shownProduct, true, GTIN), 1);
        long readAt = changes.now();

        assertThat(changes.isCurrent(readAt, gtinAnswer)).isTrue();
        assertThat(changes.isCurrent(readAt, imeiAnswer)).isTrue();
    }

    @Test
    void aTacRangeChangeMakesEveryImeiAnswerStaleButNotTheGtinAnswers() {
        long readAt = changes.now();
        changes.heard(notice(UUID.randomUUID(), true), 1);

        assertThat(changes.isCurrent(readAt, imeiAnswer)).isFalse();
        assertThat(changes.isCurrent(readAt, gtinAnswer)).isTrue();
    }

    @Test
    void aChangeToAProductWhosePatternMatchedMakesTheAnswerStale() {
        UUID patternProduct = UUID.randomUUID();
        Object[] patternAnswer = ChangeLog.dependencies(new MatchKey(null, null, List.of(patternProduct), null),
                List.of());
        long readAt = changes.now();
        changes.heard(notice(patternProduct, false), 1);

        assertThat(changes.isCurrent(readAt, patternAnswer)).isFalse();
    }

    @Test
    void aNoticeToForgetEverythingMakesEveryAnswerReadBeforeStale() {
        long readAt = changes.now();

        assertThat(changes.heard(ReadModelNotice.ofEverything(), 1)).isTrue();
        assertThat(changes.isCurrent(readAt, gtinAnswer)).isFalse();
        assertThat(changes.isCurrent(changes.now(), gtinAnswer)).isTrue();
    }

    @Test
    void tooManyChangesToRememberForgetEverything() {
        ChangeLog small = new ChangeLog(2);
        long readAt = small.now();

        assertThat(small.heard(notice(UUID.randomUUID(), false), 1)).isFalse();
        assertThat(small.heard(notice(UUID.randomUUID(), false), 2)).isFalse();
        assertThat(small.heard(notice(UUID.randomUUID(), false), 3)).isTrue();
        assertThat(small.isCurrent(readAt, new Object[0])).isFalse();
        assertThat(small.remembered()).isZero();
    }

    @Test
    void changesOlderThanEveryAnswerKeptAreForgotten() {
        changes.heard(notice(UUID.randomUUID(), false, GTIN), 100);
        changes.heard(notice(UUID.randomUUID(), false, OTHER_GTIN), 300);

        changes.forgetBefore(200);

        assertThat(changes.remembered()).isEqualTo(2);
    }

    private static ReadModelNotice notice(UUID product, boolean tacRanges, String... gtins) {
        return new ReadModelNotice(product, List.of(gtins), tacRanges, false, false);
    }

    private static MatchRow row(UUID product) {
        return new MatchRow(product, "brand", "GTIN", "{}", "[]", true);
    }
}
