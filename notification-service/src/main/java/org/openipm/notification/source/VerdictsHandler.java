package org.openipm.notification.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.authentication.AuthenticationCompleted;
import org.openipm.notification.alert.Alert;
import org.openipm.notification.alert.VerdictAlerts;

/** Turns {@code authentication-completed} into alerts (see {@link VerdictAlerts}). */
@Singleton
public class VerdictsHandler extends AlertSource<AuthenticationCompleted> {

    public static final String CONSUMER = "notification-service.verdicts";

    public VerdictsHandler(AlertStore store, ObjectMapper json) {
        super(CONSUMER, Topics.AUTHENTICATION_COMPLETED, EventTypes.AUTHENTICATION_COMPLETED,
                AuthenticationCompleted.class, store, json);
    }

    @Override
    protected List<Alert> alertsOf(UUID eventId, AuthenticationCompleted verdict) {
        return VerdictAlerts.of(eventId, verdict);
    }

    @Override
    protected String missingIn(AuthenticationCompleted verdict) {
        return verdict.requestId() == null || verdict.verdict() == null || verdict.authority() == null
                || verdict.completedAt() == null ? "has no request id, verdict, authority or time" : null;
    }
}
