package org.openipm.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.InetAddress;
import java.security.SecureRandom;
import org.openipm.notification.NotificationSettings;

/** The pure webhook rules, configured: the JDK's resolver for target checks, the configured retry steps. */
public class WebhookBeans {

    @Produces
    @ApplicationScoped
    WebhookTargets targets(NotificationSettings settings) {
        return new WebhookTargets(settings.webhooks().allowLoopbackHttp(), InetAddress::getAllByName);
    }

    @Produces
    @ApplicationScoped
    RetrySchedule retrySchedule(NotificationSettings settings) {
        SecureRandom random = new SecureRandom();
        return settings.delivery().retrySteps().map(steps -> new RetrySchedule(steps, random))
                .orElseGet(() -> new RetrySchedule(random));
    }
}
