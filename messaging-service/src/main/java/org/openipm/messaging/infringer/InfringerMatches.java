package org.openipm.messaging.infringer;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The one question the rest of the service asks of the infringer lists: which listed entries does this consignor
 * or online seller match? Flagging asks it for the shipment's consignor; the seizure matcher asks it for a seizure's
 * consignor, a poll at a time ({@link #ofEach}). The answer holds every brand's matching entries:
 * callers show each brand only its own ({@link InfringerMatch#brandId()}).
 */
@ApplicationScoped
public class InfringerMatches {

    private final InfringerCopy copy;

    public InfringerMatches(InfringerCopy copy) {
        this.copy = copy;
    }

    /** Any argument may be null; the candidates under the normalised keys are confirmed by {@link InfringerMatcher}. */
    public List<InfringerMatch> of(String consignorName, String consignorAddress, String sellerUrl) {
        InfringerMatcher.Party party = new InfringerMatcher.Party(consignorName, consignorAddress, sellerUrl);
        return confirmed(copy.candidates(InfringerMatcher.lookupOf(party)), party);
    }

    /**
     * The same question for a batch of parties (a poll of seizures) with one query: the answer for each party, in
     * the order given.
     */
    public List<List<InfringerMatch>> ofEach(List<InfringerMatcher.Party> parties) {
        List<InfringerMatcher.Lookup> lookups = parties.stream().map(InfringerMatcher::lookupOf).toList();
        List<InfringerCopy.Entry> candidates = copy.candidatesOfAll(lookups);
        return parties.stream().map(party -> candidates.isEmpty() ? List.<InfringerMatch>of()
                : confirmed(candidates, party)).toList();
    }

    private static List<InfringerMatch> confirmed(List<InfringerCopy.Entry> candidates, InfringerMatcher.Party party) {
        return candidates.stream()
                .filter(entry -> InfringerMatcher.matches(new InfringerMatcher.Listed(entry.kind(), entry.value()),
                        party))
                .map(entry -> new InfringerMatch(entry.entryId(), entry.brandId(), entry.kind(), entry.value(),
                        entry.country(), entry.evidence()))
                .toList();
    }
}
