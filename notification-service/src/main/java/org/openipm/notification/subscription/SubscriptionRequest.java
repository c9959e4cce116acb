package org.openipm.notification.subscription;

import java.util.List;

/**
 * What a subscriber sends to create or replace a subscription. Strings rather than enums so that a wrong value is
 * answered with the field's name and the accepted values (see {@link SubscriptionRules}).
 *
 * @param enabled only on replace: true re-enables a subscription that was disabled after persistent failure
 */
public record SubscriptionRequest(String channel, String url, String email, String language, List<String> alertTypes,
        String minSeverity, List<String> products, List<String> countries, Boolean enabled) {
}
