package org.openipm.messaging.cases.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openipm.events.cases.CaseParty;

/**
 * A case's history: every change appends one entry, in the change's transaction, and nothing rewrites an entry.
 * Participant authorities read every entry; a brand reads the entries meant for all brands and those meant for it.
 */
@ApplicationScoped
public class CaseTimeline {

    private final TimelineRepository entries;

    public CaseTimeline(TimelineRepository entries) {
        this.entries = entries;
    }

    /**
     * Appends an entry; {@code brandAudience} empty means every brand participant may read it, a list names the
     * only brands that may (an empty list: none).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(UUID caseId, Instant at, TimelineKind kind, CaseParty actor, String summary,
            Map<String, Object> details, Optional<List<String>> brandAudience) {
        return appendEntry(caseId, at, kind, actor.kind(), actor.id(), summary, details, brandAudience, null);
    }

    /** An entry made by the service itself (a deadline reached, for instance). */
    @Transactional(Transactional.TxType.MANDATORY)
    public long appendBySystem(UUID caseId, Instant at, TimelineKind kind, String summary,
            Map<String, Object> details, Optional<List<String>> brandAudience) {
        return appendEntry(caseId, at, kind, TimelineEntry.SYSTEM, TimelineEntry.SYSTEM, summary, details,
                brandAudience, null);
    }

    /** A correction of an earlier entry of the same case, seen by whoever saw the entry it corrects. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> correct(UUID caseId, long correctedId, Instant at, CaseParty actor, String summary) {
        return entries.findByIdOptional(correctedId).filter(e -> e.caseId.equals(caseId))
                .map(corrected -> appendEntry(caseId, at, TimelineKind.CORRECTION, actor.kind(), actor.id(), summary,
                        Map.of(), Optional.ofNullable(corrected.brandAudience).map(List::of), corrected.id));
    }

    /** Every entry, oldest first, for a participant authority. */
    public List<TimelineEntryView> forAuthority(UUID caseId) {
        return entries.ofCase(caseId).stream().map(TimelineEntryView::of).toList();
    }

    /** The entries a brand participant may read, oldest first. */
    public List<TimelineEntryView> forBrand(UUID caseId, String brandId) {
        return entries.ofCase(caseId).stream().filter(e -> e.visibleToBrand(brandId)).map(TimelineEntryView::of)
                .toList();
    }

    private long appendEntry(UUID caseId, Instant at, TimelineKind kind, String actorKind, String actorId,
            String summary, Map<String, Object> details, Optional<List<String>> brandAudience, Long corrects) {
        TimelineEntry entry = new TimelineEntry();
        entry.caseId = caseId;
        entry.at = at;
        entry.kind = kind;
        entry.actorKind = actorKind;
        entry.actorId = actorId;
        entry.summary = summary;
        entry.details = Map.copyOf(details);
        entry.brandAudience = brandAudience.map(brands -> brands.toArray(String[]::new)).orElse(null);
        entry.corrects = corrects;
        entries.persist(entry);
        return entry.id;
    }
}
