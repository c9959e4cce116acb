package org.openipm.messaging.cases.thread;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openipm.events.cases.CaseMessagePosted;
import org.openipm.events.cases.CaseParty;
import org.openipm.messaging.cases.CaseEvents;
import org.openipm.messaging.cases.CaseRepository;
import org.openipm.messaging.cases.CaseViewer;
import org.openipm.messaging.cases.ParticipantRepository;
import org.openipm.messaging.cases.ShipmentCase;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.ProblemException;

/**
 * Posts messages into a case's thread and keeps each participant's read state. A message, its case-events record
 * and its timeline entry are written in one transaction.
 */
@ApplicationScoped
public class ThreadService {

    private final CaseRepository cases;
    private final ParticipantRepository participants;
    private final MessageRepository messages;
    private final ThreadQueries queries;
    private final CaseEvents caseEvents;
    private final Attachments attachments;

    public ThreadService(CaseRepository cases, ParticipantRepository participants, MessageRepository messages,
            ThreadQueries queries, CaseEvents caseEvents, Attachments attachments) {
        this.cases = cases;
        this.participants = participants;
        this.messages = messages;
        this.queries = queries;
        this.caseEvents = caseEvents;
        this.attachments = attachments;
    }

    /**
     * Posts the message with its files as {@code author}, a participant of the case; {@code user} is the token's
     * subject. Nothing is stored when the message or any file is refused.
     */
    @Transactional
    public MessageView post(UUID caseId, CaseViewer author, String user, MessageRequest request,
            List<Upload> uploads) {
        ShipmentCase shipmentCase = participantsCase(caseId, author);
        List<CaseParty> parties = participants.ofCase(caseId).stream()
                .map(p -> new CaseParty(p.partyKind, p.partyId)).toList();
        CaseParty writer = new CaseParty(author.kind(), author.id());
        MessageRules.Checked checked = MessageRules.check(request, writer, parties, shipmentCase.goods,
                uploads.size());
        if (checked instanceof MessageRules.Forbidden forbidden) {
            throw ProblemException.forbidden(forbidden.detail());
        }
        if (checked instanceof MessageRules.Invalid invalid) {
            throw invalid(invalid.errors());
        }
        MessageRules.Valid message = (MessageRules.Valid) checked;
        if (request.inReplyTo() != null && queries.find(caseId, request.inReplyTo(), author).isEmpty()) {
            throw invalid(List.of(new Problem.FieldError("inReplyTo", "no message " + request.inReplyTo()
                    + " of this case that you may read")));
        }
        List<Attachments.CheckedFile> files = attachments.check(uploads);
        CaseMessage stored = new CaseMessage();
        stored.id = UUID.randomUUID();
        stored.caseId = caseId;
        stored.type = message.type();
        stored.authorKind = writer.kind();
        stored.authorId = writer.id();
        stored.authorUser = user;
        stored.addressedTo = message.addressedTo();
        stored.content = message.content();
        stored.brandId = message.brand().orElse(null);
        stored.postedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        messages.persist(stored);
        messages.flush(); // the files reference the message
        List<AttachmentView> storedFiles = attachments.store(caseId, stored.id, files, stored.postedAt);
        caseEvents.messagePosted(new CaseMessagePosted(caseId, stored.id, stored.type.name(), writer,
                stored.addressedTo, files.size(), stored.postedAt), MessageSummaries.summaryOf(stored),
                details(stored, files.size()), message.brand().stream().toList());
        return MessageView.of(stored, storedFiles, true);
    }

    /** Marks the message read for the reader's authority or brand; reading it again changes nothing. */
    @Transactional
    public void markRead(UUID caseId, UUID messageId, CaseViewer reader) {
        participantsCase(caseId, reader);
        queries.find(caseId, messageId, reader).orElseThrow(() -> ProblemException.notFound("Message " + messageId));
        messages.getEntityManager().createNativeQuery("insert into case_message_read (message_id, party_kind, "
                + "party_id, read_at) values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, messageId).setParameter(2, reader.kind()).setParameter(3, reader.id())
                .setParameter(4, Instant.now().truncatedTo(ChronoUnit.MICROS)).executeUpdate();
    }

    private ShipmentCase participantsCase(UUID caseId, CaseViewer viewer) {
        return cases.findByIdOptional(caseId).filter(c -> participants.takesPart(caseId, viewer))
                .orElseThrow(() -> ProblemException.notFound("Case " + caseId));
    }

    private static Map<String, Object> details(CaseMessage message, int attachmentCount) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("messageId", message.id.toString());
        details.put("messageType", message.type.name());
        details.put("addressedTo", message.addressedTo.stream().map(p -> p.kind() + ":" + p.id()).toList());
        details.put("attachmentCount", attachmentCount);
        if (message.content.verdict() != null) {
            details.put("verdict", message.content.verdict().name());
        }
        if (message.content.action() != null) {
            details.put("action", message.content.action().name());
        }
        return details;
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of("invalid-message", "Bad Request", 400, errors.stream()
                .map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid message"))
                .withErrors(errors));
    }
}
