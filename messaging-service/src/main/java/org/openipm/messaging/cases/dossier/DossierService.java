package org.openipm.messaging.cases.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openipm.events.cases.CaseParty;
import org.openipm.messaging.cases.CaseEvents;
import org.openipm.messaging.cases.CaseQueries;
import org.openipm.messaging.cases.CaseViewer;
import org.openipm.messaging.cases.thread.AttachmentRepository;
import org.openipm.messaging.cases.thread.CaseAttachment;
import org.openipm.messaging.cases.thread.MessageRepository;
import org.openipm.messaging.cases.timeline.CaseTimeline;
import org.openipm.platform.problem.ProblemException;

/** Builds a case's dossier for an officer of a participant authority and signs it. */
@ApplicationScoped
public class DossierService {

    private final CaseQueries cases;
    private final CaseTimeline timeline;
    private final MessageRepository messages;
    private final AttachmentRepository attachments;
    private final DossierSigner signer;
    private final CaseEvents caseEvents;
    private final ObjectMapper json;

    public DossierService(CaseQueries cases, CaseTimeline timeline, MessageRepository messages,
            AttachmentRepository attachments, DossierSigner signer, CaseEvents caseEvents, ObjectMapper json) {
        this.cases = cases;
        this.timeline = timeline;
        this.messages = messages;
        this.attachments = attachments;
        this.signer = signer;
        this.caseEvents = caseEvents;
        this.json = json;
    }

    /**
     * The signed dossier (compact JWS); {@code authority} must take part in the case. The export is on the record
     * (case-events and the authorities' timeline) with the SHA-256 of what was served, in the same transaction.
     */
    @Transactional
    public String export(UUID caseId, String authority, String user) {
        Object view = cases.find(caseId, CaseViewer.authority(authority))
                .orElseThrow(() -> ProblemException.notFound("Case " + caseId));
        ObjectNode caseView = json.valueToTree(view);
        caseView.remove("timeline");
        List<CaseAttachment> files = attachments.list("caseId = ?1 order by createdAt, messageId, position", caseId);
        Map<UUID, List<UUID>> filesByMessage = files.stream().collect(Collectors.groupingBy(f -> f.messageId,
                Collectors.mapping(f -> f.id, Collectors.toList())));
        Instant exportedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Dossier dossier = new Dossier(Dossier.FORMAT, caseId, exportedAt,
                new Dossier.Exporter(authority, user), caseView, timeline.forAuthority(caseId),
                messages.list("caseId = ?1 order by postedAt, id", caseId).stream()
                        .map(m -> new Dossier.Message(m.id, m.type, m.author(), m.authorUser, m.addressedTo,
                                m.postedAt, m.content, filesByMessage.getOrDefault(m.id, List.of())))
                        .toList(),
                files.stream().map(f -> new Dossier.Attachment(f.id, f.messageId, f.fileName, f.contentType,
                        f.sizeBytes, f.sha256, Base64.getEncoder().encodeToString(f.data))).toList());
        try {
            String signed = signer.sign(json.writeValueAsBytes(dossier));
            caseEvents.dossierExported(caseId, CaseParty.authority(authority), signer.keyId(), sha256Hex(signed),
                    exportedAt);
            return signed;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A dossier always serialises", e);
        }
    }

    private static String sha256Hex(String compact) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(compact.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
