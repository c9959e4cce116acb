package org.openipm.reference.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.openipm.provider.protocol.AuthenticationAnswer;
import org.openipm.provider.protocol.AuthenticationAnswer.Evidence;
import org.openipm.provider.protocol.Verdict;

/**
 * The provider's judgement of one code, as answers that repeat the query's request id and code. Confidence says
 * how sure the provider is of its verdict: a forged signature is near certain, an unissued serial with a valid
 * signature could only come from a leaked key (or a store restored from an old backup), a frequently scanned
 * genuine code is only probably copied, and a foreign code is not the provider's to judge at all.
 */
public final class Judgement {

    static final double GENUINE_CONFIDENCE = 0.95;
    static final double SUSPECT_CONFIDENCE = 0.7;
    static final double FORGED_CONFIDENCE = 0.99;
    static final double NEVER_ISSUED_CONFIDENCE = 0.9;

    private Judgement() {
    }

    public static AuthenticationAnswer notOurs(UUID requestId, String code, String reference) {
        return new AuthenticationAnswer(requestId, code, Verdict.UNKNOWN, 0.0,
                new Evidence("Not a code issued in this provider's format; it cannot judge it.", Map.of()), reference);
    }

    public static AuthenticationAnswer forged(UUID requestId, String code, String reference) {
        return new AuthenticationAnswer(requestId, code, Verdict.COUNTERFEIT, FORGED_CONFIDENCE,
                new Evidence("The code's signature was not made by this provider: the mark is forged.", Map.of()),
                reference);
    }

    public static AuthenticationAnswer neverIssued(UUID requestId, String code, String gtin, String serial,
            String reference) {
        return new AuthenticationAnswer(requestId, code, Verdict.COUNTERFEIT, NEVER_ISSUED_CONFIDENCE,
                new Evidence("This provider never issued serial " + serial + " for GTIN " + gtin + ".",
                        Map.of("gtin", gtin, "serial", serial)),
                reference);
    }

    /** Genuine, unless scanned more than {@code suspectAfterScans} times: then probably copied. */
    public static AuthenticationAnswer issued(UUID requestId, String code, ScanHistory history, int suspectAfterScans,
            String reference) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("scanCount", Integer.toString(history.scanCount()));
        if (history.firstSeenCountry() != null) {
            facts.put("firstSeenCountry", history.firstSeenCountry());
        }
        if (history.firstSeenAt() != null) {
            facts.put("firstSeenAt", history.firstSeenAt().toString());
        }
        if (history.scanCount() > suspectAfterScans) {
            facts.put("suspectAfterScans", Integer.toString(suspectAfterScans));
            return new AuthenticationAnswer(requestId, code, Verdict.SUSPECT, SUSPECT_CONFIDENCE,
                    new Evidence("Issued by this provider, but checked " + history.scanCount()
                            + " times, more than a genuine item usually is: the mark was probably copied.", facts),
                    reference);
        }
        return new AuthenticationAnswer(requestId, code, Verdict.GENUINE, GENUINE_CONFIDENCE,
                new Evidence("Issued by this provider; its signature verifies.", facts), reference);
    }
}
