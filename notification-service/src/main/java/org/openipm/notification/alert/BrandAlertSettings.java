package org.openipm.notification.alert;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * How many alerts to officers a brand may send (prefix {@code openipm.brand-alerts}): {@code requests} in any
 * {@code per}, counted over the alerts stored, so the limit holds across all instances of the service.
 */
@ConfigMapping(prefix = "openipm.brand-alerts")
public interface BrandAlertSettings {

    int requests();

    Duration per();
}
