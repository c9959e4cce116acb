package org.openipm.messaging.cases.thread;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.openipm.events.cases.CaseParty;
import org.openipm.messaging.cases.CaseEvents;
import org.openipm.messaging.cases.CaseViewer;
import org.openipm.messaging.cases.ParticipantRepository;
import org.openipm.messaging.cases.timeline.TimelineEntry;
import org.openipm.messaging.cases.timeline.TimelineRepository;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.ProblemException;

/**
 * A participant corrects an entry of the case's timeline it can read: a new CORRECTION entry, read by whoever reads
 * the corrected one; the history is never rewritten.
 */
@ApplicationScoped
public class CorrectionService {

    static final int MAX_TEXT = 4_000;

    private final ParticipantRepository participants;
    private final TimelineRepository entries;
    private final CaseEvents caseEvents;
    private final Clock clock;

    public CorrectionService(ParticipantRepository participants, TimelineRepository entries, CaseEvents caseEvents,
            Clock clock) {
        this.participants = participants;
        this.entries = entries;
        this.caseEvents = caseEvents;
        this.clock = clock;
    }

    @Transactional
    public CorrectionView correct(UUID caseId, long entryId, CaseViewer author, CorrectionRequest request) {
        if (!participants.takesPart(caseId, author)) {
            throw ProblemException.notFound("Case " + caseId);
        }
        TimelineEntry corrected = entries.findByIdOptional(entryId)
                .filter(e -> e.caseId.equals(caseId) && (!author.isBrand() || e.visibleToBrand(author.id())))
                .orElseThrow(() -> ProblemException.notFound("Timeline entry " + entryId));
        String text = request == null || request.text() == null ? "" : request.text().strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new ProblemException(Problem.of("invalid-correction", "Bad Request", 400,
                    "text: say what is corrected, in 1 to " + MAX_TEXT + " characters")
                    .withErrors(List.of(new Problem.FieldError("text", "1 to " + MAX_TEXT + " characters"))));
        }
        CaseParty actor = new CaseParty(author.kind(), author.id());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long id = caseEvents.corrected(caseId, corrected.id, actor, text, now)
                .orElseThrow(() -> ProblemException.notFound("Timeline entry " + entryId));
        return new CorrectionView(id, caseId, corrected.id, now, actor, text);
    }
}
