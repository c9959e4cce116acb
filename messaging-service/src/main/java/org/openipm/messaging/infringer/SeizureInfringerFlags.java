package org.openipm.messaging.infringer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.seizures.SeizureInfringerMatched;
import org.openipm.messaging.cases.CaseParticipant;
import org.openipm.messaging.cases.ParticipantRepository;
import org.openipm.platform.outbox.Outbox;

/**
 * Marks matched seizures whose consignor or online seller matches brands' lists of known infringers, in the matcher's
 * transaction, a poll at a time (one lookup query, two writes). The matches are stored with the seizure (the reporting
 * authority reads them all, a brand its own). Who is told, once per entry and seizure:
 * <ul>
 * <li>a seizure that joins a case marks the case as a flag would ({@link CaseInfringerFlags#markCase}): timeline
 * entry and {@code case.infringer-matched} for the case's brands;</li>
 * <li>otherwise each brand whose list matched and whose verified goods were seized gets a
 * {@code SeizureInfringerMatched} on {@code seizure-matched} naming its own entries.</li>
 * </ul>
 * A brand whose list matched but whose goods were not seized is not told (as for cases: a list naming a marketplace
 * would otherwise report every parcel from it); the authority sees the match.
 */
@ApplicationScoped
public class SeizureInfringerFlags {

    /** A seizure as matched: its consignor, the brands whose verified goods it holds, and its case if any. */
    public record Seized(UUID seizureId, String authority, String country, LocalDate seizedOn, String consignorName,
            String sellerUrl, Set<String> brandsSeized, UUID caseId) {
    }

    private final InfringerMatches matches;
    private final SeizureInfringerMatchRepository stored;
    private final CaseInfringerFlags caseFlags;
    private final ParticipantRepository participants;
    private final Outbox outbox;

    public SeizureInfringerFlags(InfringerMatches matches, SeizureInfringerMatchRepository stored,
            CaseInfringerFlags caseFlags, ParticipantRepository participants, Outbox outbox) {
        this.matches = matches;
        this.stored = stored;
        this.caseFlags = caseFlags;
        this.participants = participants;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markAll(List<Seized> seizures, Instant at) {
        if (seizures.isEmpty()) {
            return;
        }
        List<List<InfringerMatch>> found = matches.ofEach(seizures.stream()
                .map(s -> new InfringerMatcher.Party(s.consignorName(), null, s.sellerUrl())).toList());
        List<SeizureInfringerMatchRepository.Row> rows = new ArrayList<>();
        for (int i = 0; i < seizures.size(); i++) {
            UUID seizureId = seizures.get(i).seizureId();
            found.get(i).forEach(match -> rows.add(new SeizureInfringerMatchRepository.Row(seizureId, match)));
        }
        Set<String> fresh = stored.replace(seizures.stream().map(Seized::seizureId).toList(), rows, at);
        for (int i = 0; i < seizures.size(); i++) {
            Seized seizure = seizures.get(i);
            if (found.get(i).isEmpty()) {
                continue;
            }
            if (seizure.caseId() != null) {
                caseFlags.markCase(seizure.caseId(), found.get(i), brandsOf(seizure.caseId()), at);
                continue;
            }
            Map<String, List<InfringerMatch>> toTell = found.get(i).stream()
                    .filter(m -> fresh.contains(seizure.seizureId() + "/" + m.entryId()))
                    .filter(m -> seizure.brandsSeized().contains(m.brandId()))
                    .collect(Collectors.groupingBy(InfringerMatch::brandId, TreeMap::new, Collectors.toList()));
            toTell.forEach((brand, ofBrand) -> outbox.record(Topics.SEIZURE_MATCHED, seizure.seizureId().toString(),
                    EventTypes.SEIZURE_INFRINGER_MATCHED, at, new SeizureInfringerMatched(seizure.seizureId(),
                            seizure.authority(), seizure.country(), seizure.seizedOn(), brand,
                            ofBrand.stream().map(m -> new SeizureInfringerMatched.Match(m.entryId(), m.kind(),
                                    m.listed())).toList(), at)));
        }
    }

    private List<String> brandsOf(UUID caseId) {
        return participants.ofCase(caseId).stream().filter(p -> CaseParticipant.BRAND.equals(p.partyKind))
                .map(p -> p.partyId).toList();
    }
}
