package org.openipm.product.importing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An import job as its service returns it: counts so far and the first failed rows. */
public record ImportProgress(UUID id, String brandId, ImportFormat format, ImportStatus status, int total, int done,
        int failed, int created, int updated, int unchanged, List<RowFailure> errors, Instant createdAt,
        Instant finishedAt) {

    public ImportProgress {
        errors = List.copyOf(errors);
    }

    /** What a progress bar shows: whole percent of the rows done, rounded down; 0 for an empty file. */
    public int percent() {
        return total == 0 ? 0 : (int) (100L * done / total);
    }
}
