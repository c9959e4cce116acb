package org.openipm.notification.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.seizures.SeizureInfringerMatched;
import org.openipm.events.seizures.SeizureMatched;
import org.openipm.notification.alert.Alert;
import org.openipm.notification.alert.SeizureAlerts;
import org.openipm.platform.events.ReceivedEvent;
import org.openipm.platform.events.ReceivedEvent.MalformedEventException;

/**
 * Turns {@code seizure-matched} into one alert per brand whose goods were seized, and each
 * {@code SeizureInfringerMatched} beside them into an alert for its one brand (see {@link SeizureAlerts}).
 */
@Singleton
public class SeizuresHandler extends AlertSource<SeizureMatched> {

    public static final String CONSUMER = "notification-service.seizures";

    private final ObjectMapper json;

    public SeizuresHandler(AlertStore store, ObjectMapper json) {
        super(CONSUMER, Topics.SEIZURE_MATCHED, EventTypes.SEIZURE_MATCHED, SeizureMatched.class, store, json);
        this.json = json;
    }

    @Override
    public Optional<List<Alert>> read(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!EventTypes.SEIZURE_INFRINGER_MATCHED.equals(event.type())) {
            return super.read(record);
        }
        SeizureInfringerMatched matched = event.payloadAs(json, SeizureInfringerMatched.class);
        if (matched.seizureId() == null || matched.brandId() == null || matched.brandId().isBlank()
                || matched.country() == null || matched.seizedOn() == null || matched.matchedAt() == null
                || matched.matches() == null || matched.matches().isEmpty()) {
            throw new MalformedEventException("event " + event.id()
                    + " has no seizure id, brand, country, day, time or matches");
        }
        return Optional.of(List.of(SeizureAlerts.of(event.id(), matched)));
    }

    @Override
    protected List<Alert> alertsOf(UUID eventId, SeizureMatched matched) {
        return SeizureAlerts.of(eventId, matched);
    }

    @Override
    protected String missingIn(SeizureMatched matched) {
        boolean complete = matched.seizureId() != null && matched.country() != null && matched.seizedOn() != null
                && matched.matchedAt() != null && matched.brands() != null
                && matched.brands().stream().noneMatch(brand -> brand == null || brand.brandId() == null
                        || brand.brandId().isBlank());
        return complete ? null : "has no seizure id, country, day, time or brands";
    }
}
