package org.openipm.messaging.infringer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.cases.CaseInfringerMatched;
import org.openipm.messaging.cases.ShipmentCase;
import org.openipm.messaging.cases.timeline.CaseTimeline;
import org.openipm.messaging.cases.timeline.TimelineKind;
import org.openipm.platform.outbox.Outbox;

/**
 * Marks a flagged case whose consignor or online seller matches brands' lists of known infringers, in the flag's
 * transaction: the matches are stored with the case (officers read them all), and for each brand a timeline entry
 * only that brand and the officers read. A brand that takes part in the case is told with a
 * {@code case.infringer-matched} record naming its own entries. A brand that does not take part is not told: a list
 * naming a marketplace's domain would otherwise report other brands' cases to it; the officer sees the match and
 * decides.
 */
@ApplicationScoped
public class CaseInfringerFlags {

    private final InfringerMatches matches;
    private final EntityManager entityManager;
    private final CaseTimeline timeline;
    private final Outbox outbox;

    public CaseInfringerFlags(InfringerMatches matches, EntityManager entityManager, CaseTimeline timeline,
            Outbox outbox) {
        this.matches = matches;
        this.entityManager = entityManager;
        this.timeline = timeline;
        this.outbox = outbox;
    }

    /** Returns the matches of every brand (for the officer); {@code brandParticipants} are the case's brands. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<InfringerMatch> mark(ShipmentCase flagged, Collection<String> brandParticipants, Instant at) {
        ShipmentCase.Party consignor = flagged.parties == null ? null : flagged.parties.consignor();
        if (consignor == null) {
            return List.of();
        }
        List<InfringerMatch> found = matches.of(consignor.name(), consignor.address(), consignor.onlineSellerUrl());
        markCase(flagged.id, found, brandParticipants, at);
        return found;
    }

    /**
     * Marks a case with matches found for it (by its flag, or by a seizure that joins it): stores those the case
     * does not hold yet, and writes the timeline entries and {@code case.infringer-matched} records for those only,
     * so a seizure repeating what the flag found, or an amendment matched again, tells nobody twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markCase(UUID caseId, List<InfringerMatch> found, Collection<String> brandParticipants, Instant at) {
        Map<String, List<InfringerMatch>> byBrand = found.stream().filter(match -> store(caseId, match, at))
                .collect(Collectors.groupingBy(InfringerMatch::brandId, TreeMap::new, Collectors.toList()));
        byBrand.forEach((brand, ofBrand) -> {
            boolean participant = brandParticipants.contains(brand);
            List<Map<String, Object>> listed = ofBrand.stream().map(m -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("entryId", m.entryId().toString());
                entry.put("kind", m.kind());
                entry.put("listed", m.listed());
                return entry;
            }).toList();
            timeline.appendBySystem(caseId, at, TimelineKind.INFRINGER_MATCHED,
                    "Consignor or seller matches " + ofBrand.size() + " entr" + (ofBrand.size() == 1 ? "y" : "ies")
                            + " of " + brand + "'s known infringers",
                    Map.of("brandId", brand, "matches", listed),
                    Optional.of(participant ? List.of(brand) : List.of()));
            if (participant) {
                outbox.record(Topics.CASE_EVENTS, caseId.toString(), EventTypes.CASE_INFRINGER_MATCHED, at,
                        new CaseInfringerMatched(caseId, brand, ofBrand.stream().map(m ->
                                new CaseInfringerMatched.Match(m.entryId(), m.kind(), m.listed())).toList(), at));
            }
        });
    }

    /** The case's matches: all of them for an officer of a participant authority, one brand's for that brand. */
    public List<InfringerMatch> ofCase(UUID caseId, Optional<String> onlyBrand) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select entry_id, brand_id, kind, listed, evidence "
                        + "from case_infringer_match where case_id = ?1 and (cast(?2 as varchar) is null "
                        + "or brand_id = ?2) order by brand_id, kind, entry_id")
                .setParameter(1, caseId).setParameter(2, onlyBrand.orElse(null)).getResultList();
        return rows.stream().map(r -> new InfringerMatch((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                null, (String) r[4])).toList();
    }

    /** Whether the case did not hold this match yet. */
    private boolean store(UUID caseId, InfringerMatch match, Instant at) {
        return entityManager.createNativeQuery("insert into case_infringer_match (case_id, entry_id, brand_id, kind, listed, "
                        + "evidence, matched_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing")
                .setParameter(1, caseId).setParameter(2, match.entryId()).setParameter(3, match.brandId())
                .setParameter(4, match.kind()).setParameter(5, match.listed()).setParameter(6, match.evidence())
                .setParameter(7, at).executeUpdate() == 1;
    }
}
