package org.openipm.messaging.seizure;

import java.util.List;

/** The answer to a posted batch: counts per status, then one result per record in the order posted. */
public record IntakeAnswer(int accepted, int duplicates, int conflicts, int rejected, List<IntakeResult> results) {

    static IntakeAnswer of(List<IntakeResult> results) {
        return new IntakeAnswer(count(results, IntakeResult.Status.ACCEPTED),
                count(results, IntakeResult.Status.DUPLICATE), count(results, IntakeResult.Status.CONFLICT),
                count(results, IntakeResult.Status.REJECTED), results);
    }

    private static int count(List<IntakeResult> results, IntakeResult.Status status) {
        return (int) results.stream().filter(r -> r.status() == status).count();
    }
}
