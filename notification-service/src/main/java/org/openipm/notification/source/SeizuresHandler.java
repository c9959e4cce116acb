package org.openipm.notification.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.seizures.SeizureMatched;
import org.openipm.notification.alert.Alert;
import org.openipm.notification.alert.SeizureAlerts;

/** Turns {@code seizure-matched} into one alert per brand whose goods were seized (see {@link SeizureAlerts}). */
@Singleton
public class SeizuresHandler extends AlertSource<SeizureMatched> {

    public static final String CONSUMER = "notification-service.seizures";

    public SeizuresHandler(AlertStore store, ObjectMapper json) {
        super(CONSUMER, Topics.SEIZURE_MATCHED, EventTypes.SEIZURE_MATCHED, SeizureMatched.class, store, json);
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
