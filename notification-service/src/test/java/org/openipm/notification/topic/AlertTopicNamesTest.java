package org.openipm.notification.topic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertTopicNamesTest {

    @Test
    void aBrandIdAsProductServiceAllowsItNamesItsTopic() {
        assertThat(AlertTopicNames.of("acme-pharma")).contains("alerts.acme-pharma");
        assertThat(AlertTopicNames.of("a1")).contains("alerts.a1");
    }

    @Test
    void whatKafkaCannotNameOrCouldConfuseIsRefused() {
        for (String bad : new String[] {null, "", "a", "Acme", "acme.pharma", "acme_pharma", "-acme", "acme/x",
                "acme pharma", "a".repeat(64), "acme\u00e9"}) {
            assertThat(AlertTopicNames.of(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }
}
