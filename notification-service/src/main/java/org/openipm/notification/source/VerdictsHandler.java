package org.openipm.notification.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.authentication.AuthenticationCompleted;
import org.openipm.notification.alert.Alert;
import org.openipm.notification.alert.VerdictAlerts;
import org.openipm.platform.events.ReceivedEvent;
import org.openipm.platform.events.ReceivedEvent.MalformedEventException;
import org.openipm.platform.events.RedrivableConsumer;

/**
 * Turns {@code authentication-completed} into alerts (see {@link VerdictAlerts}). Exactly once per recipient
 * without a processed-event table: an alert's id comes from the source event, so a redelivery inserts nothing.
 */
@ApplicationScoped
public class VerdictsHandler implements RedrivableConsumer {

    public static final String CONSUMER = "notification-service.verdicts";

    private final AlertStore store;
    private final ObjectMapper json;

    public VerdictsHandler(AlertStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public String sourceTopic() {
        return Topics.AUTHENTICATION_COMPLETED;
    }

    @Override
    public void apply(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!EventTypes.AUTHENTICATION_COMPLETED.equals(event.type())) {
            return; // a later version's event type: not ours to judge
        }
        List<Alert> made = VerdictAlerts.of(event.id(), verdictOf(event));
        store.store(made);
    }

    private AuthenticationCompleted verdictOf(ReceivedEvent event) {
        AuthenticationCompleted verdict = event.payloadAs(json, AuthenticationCompleted.class);
        if (verdict.requestId() == null || verdict.verdict() == null || verdict.authority() == null
                || verdict.completedAt() == null) {
            throw new MalformedEventException("event " + event.id() + " has no request id, verdict, authority or time");
        }
        return verdict;
    }
}
