package org.openipm.product.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What an import's progress shows: plain logic, no database. */
class ImportProgressTest {

    @Test
    void percentIsRoundedDownAndZeroForAnEmptyFile() {
        assertThat(progress(0, 0).percent()).isZero();
        assertThat(progress(3, 1).percent()).isEqualTo(33);
        assertThat(progress(3, 2).percent()).isEqualTo(66);
        assertThat(progress(20_000, 20_000).percent()).isEqualTo(100);
        assertThat(progress(100_000, 99_999).percent()).isEqualTo(99);
    }

    @Test
    void aRowFailureKeepsAtMost100CharactersOfSkuAnd2000OfMessage() {
        ImportRow row = ImportRow.unreadable(7, "S".repeat(150), "unused");

        RowFailure failure = RowFailure.of(row, "m".repeat(2500));

        assertThat(failure.line()).isEqualTo(7);
        assertThat(failure.sku()).hasSize(100);
        assertThat(failure.message()).hasSize(2000);
    }

    @Test
    void aRowWithoutSkuAndAShortMessageAreKeptAsTheyAre() {
        RowFailure failure = RowFailure.of(ImportRow.unreadable(2, null, "unused"), "name: must not be blank");

        assertThat(failure).isEqualTo(new RowFailure(2, null, "name: must not be blank"));
    }

    private static ImportProgress progress(int total, int done) {
        return new ImportProgress(UUID.randomUUID(), "acme", ImportFormat.CSV, ImportStatus.RUNNING, total, done, 0,
                done, 0, 0, List.of(), Instant.now(), null);
    }
}
