package org.openipm.notification.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.cases.CaseDeadlineApproaching;
import org.openipm.events.cases.CaseDeadlineMissed;
import org.openipm.events.cases.CaseLinked;
import org.openipm.events.cases.CaseMessagePosted;
import org.openipm.events.cases.CaseOpened;
import org.openipm.events.cases.CaseParticipantInvited;
import org.openipm.events.cases.CaseParty;
import org.openipm.events.cases.CaseStatusChanged;
import org.openipm.notification.alert.Alert;
import org.openipm.notification.alert.CaseAlerts;
import org.openipm.notification.alert.CaseParties;
import org.openipm.platform.events.ReceivedEvent;
import org.openipm.platform.events.ReceivedEvent.MalformedEventException;
import org.openipm.platform.events.BatchConsumer;

/**
 * Turns {@code case-events} into alerts for the case's participants (see {@link CaseAlerts}), and keeps who they
 * are ({@link CasePartyRepository}) in the same transaction. A case's records share its key, so its opening is
 * always read before the records that follow it. Exactly once: alert ids come from the source event and the
 * participants are only added, so a redelivery changes nothing. A poll's records are read one by one (poison is set
 * aside before anything is written) and applied in order in one transaction.
 * <p>
 * A case-event type this version does not know is skipped, not dead-lettered: messaging-service adds types before
 * this consumer learns them, and they are not broken.
 */
@ApplicationScoped
public class CaseEventsHandler implements BatchConsumer<CaseEventsHandler.CaseEffect> {

    public static final String CONSUMER = "notification-service.cases";
    private static final Logger LOG = Logger.getLogger(CaseEventsHandler.class);

    private final AlertStore store;
    private final CasePartyRepository parties;
    private final ObjectMapper json;

    public CaseEventsHandler(AlertStore store, CasePartyRepository parties, ObjectMapper json) {
        this.store = store;
        this.parties = parties;
        this.json = json;
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public String sourceTopic() {
        return Topics.CASE_EVENTS;
    }

    @Override
    public Optional<CaseEffect> read(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        return Optional.ofNullable(switch (event.type()) {
            case EventTypes.CASE_OPENED -> opened(event);
            case EventTypes.CASE_PARTICIPANT_INVITED -> invited(event);
            case EventTypes.CASE_LINKED -> linked(event);
            case EventTypes.CASE_STATUS_CHANGED -> statusChanged(event);
            case EventTypes.CASE_MESSAGE_POSTED -> messagePosted(event);
            case EventTypes.CASE_DEADLINE_APPROACHING -> deadlineApproaching(event);
            case EventTypes.CASE_DEADLINE_MISSED -> deadlineMissed(event);
            default -> {
                LOG.debugf("Case event %s of type %s skipped: no alert for it", event.id(), event.type());
                yield null;
            }
        });
    }

    /** The events' effects in their order, in one transaction: a case's opening is applied before what follows it. */
    @Override
    public void applyAll(List<CaseEffect> effects) {
        store.storeMadeInTransaction(() -> effects.stream().flatMap(effect -> effect.applyInTransaction().stream())
                .toList());
    }

    /** What one case event changes here: the participants it adds, and its alerts (returned). */
    @FunctionalInterface
    public interface CaseEffect {
        List<Alert> applyInTransaction();
    }

    private CaseEffect opened(ReceivedEvent event) {
        CaseOpened opened = event.payloadAs(json, CaseOpened.class);
        require(event, opened.caseId(), opened.authority(), opened.brandIds());
        return () -> {
            parties.addAuthority(opened.caseId(), opened.authority(), CasePartyRepository.FLAGGING);
            opened.brandIds().forEach(brand -> parties.addBrand(opened.caseId(), brand));
            return List.of();
        };
    }

    private CaseEffect invited(ReceivedEvent event) {
        CaseParticipantInvited invited = event.payloadAs(json, CaseParticipantInvited.class);
        require(event, invited.caseId(), invited.authority(), invited.invitedAt());
        return () -> {
            parties.addAuthority(invited.caseId(), invited.authority(), CasePartyRepository.INVITED);
            return CaseAlerts.invited(event.id(), invited);
        };
    }

    private CaseEffect linked(ReceivedEvent event) {
        CaseLinked linked = event.payloadAs(json, CaseLinked.class);
        require(event, linked.caseId(), linked.linkedCaseId(), linked.linkedAuthority(), linked.linkedAt());
        return () -> withParties(event, linked.caseId()).map(known -> CaseAlerts.linked(event.id(), linked, known))
                .orElse(List.of());
    }

    private CaseEffect statusChanged(ReceivedEvent event) {
        CaseStatusChanged changed = event.payloadAs(json, CaseStatusChanged.class);
        require(event, changed.caseId(), changed.to(), changed.brandIds(), changed.authorities(),
                changed.changedAt());
        requireParties(event, List.of(changed.changedBy()));
        List<Alert> alerts = CaseAlerts.statusChanged(event.id(), changed);
        return () -> alerts;
    }

    private CaseEffect messagePosted(ReceivedEvent event) {
        CaseMessagePosted posted = event.payloadAs(json, CaseMessagePosted.class);
        require(event, posted.caseId(), posted.messageId(), posted.messageType(), posted.addressedTo(),
                posted.postedAt());
        requireParties(event, List.of(posted.postedBy()));
        requireParties(event, posted.addressedTo());
        List<Alert> alerts = CaseAlerts.messagePosted(event.id(), posted);
        return () -> alerts;
    }

    private CaseEffect deadlineApproaching(ReceivedEvent event) {
        CaseDeadlineApproaching deadline = event.payloadAs(json, CaseDeadlineApproaching.class);
        require(event, deadline.caseId(), deadline.kind(), deadline.dueAt(), deadline.mustAct(),
                deadline.noticedAt());
        requireParties(event, deadline.mustAct());
        List<Alert> alerts = CaseAlerts.deadlineApproaching(event.id(), deadline);
        return () -> alerts;
    }

    private CaseEffect deadlineMissed(ReceivedEvent event) {
        CaseDeadlineMissed deadline = event.payloadAs(json, CaseDeadlineMissed.class);
        require(event, deadline.caseId(), deadline.kind(), deadline.dueAt(), deadline.mustAct(),
                deadline.noticedAt());
        requireParties(event, deadline.mustAct());
        List<Alert> alerts = CaseAlerts.deadlineMissed(event.id(), deadline);
        return () -> alerts;
    }

    private Optional<CaseParties> withParties(ReceivedEvent event, UUID caseId) {
        Optional<CaseParties> found = parties.of(caseId);
        if (found.isEmpty()) {
            // Only when the case opened before the topic's retention: nobody is known to alert.
            LOG.warnf("Case event %s (%s) names case %s, whose opening was never read: no alert", event.id(),
                    event.type(), caseId);
        }
        return found;
    }

    private static void requireParties(ReceivedEvent event, List<CaseParty> parties) {
        for (CaseParty party : parties) {
            if (party == null || party.id() == null || party.id().isBlank()
                    || !(CaseParty.AUTHORITY.equals(party.kind()) || CaseParty.BRAND.equals(party.kind()))) {
                throw new MalformedEventException("event " + event.id() + " (" + event.type()
                        + ") names a participant that is neither an authority nor a brand: " + party);
            }
        }
    }

    private static void require(ReceivedEvent event, Object... fields) {
        for (Object field : fields) {
            if (field == null || field instanceof List<?> list && list.stream().anyMatch(Objects::isNull)) {
                throw new MalformedEventException("event " + event.id() + " (" + event.type()
                        + ") lacks a field its alerts need");
            }
        }
    }
}
