package org.openipm.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openipm.notification.alert.AlertType;
import org.openipm.notification.alert.Severity;

class SubscriptionFilterTest {

    private static final Map<String, String> PRODUCT_P1 = Map.of("productId", "p1");

    @Test
    void emptyListsLetEverythingThrough() {
        SubscriptionFilter all = SubscriptionFilter.of(List.of(), Severity.INFO, List.of(), List.of());
        assertThat(all.matches(AlertType.CASE_MESSAGE, Severity.INFO, Map.of(), List.of())).isTrue();
    }

    @Test
    void eachListNarrows() {
        SubscriptionFilter filter = SubscriptionFilter.of(List.of("COUNTERFEIT_VERDICT", "PROBABLE_CLONE"),
                Severity.WARNING, List.of("p1"), List.of("FR", "ES"));
        assertThat(filter.matches(AlertType.COUNTERFEIT_VERDICT, Severity.CRITICAL, PRODUCT_P1, List.of("DE", "FR")))
                .isTrue();
        assertThat(filter.matches(AlertType.SUSPECT_VERDICT, Severity.CRITICAL, PRODUCT_P1, List.of("FR"))).isFalse();
        assertThat(filter.matches(AlertType.COUNTERFEIT_VERDICT, Severity.INFO, PRODUCT_P1, List.of("FR"))).isFalse();
        assertThat(filter.matches(AlertType.COUNTERFEIT_VERDICT, Severity.CRITICAL, Map.of("productId", "p2"),
                List.of("FR"))).isFalse();
        assertThat(filter.matches(AlertType.COUNTERFEIT_VERDICT, Severity.CRITICAL, PRODUCT_P1, List.of("DE")))
                .isFalse();
    }

    @Test
    void anAlertAboutNoProductOrCountryPassesNoSuchFilter() {
        assertThat(SubscriptionFilter.of(List.of(), Severity.INFO, List.of("p1"), List.of())
                .matches(AlertType.CASE_MESSAGE, Severity.INFO, Map.of(), List.of())).isFalse();
        assertThat(SubscriptionFilter.of(List.of(), Severity.INFO, List.of(), List.of("FR"))
                .matches(AlertType.CASE_MESSAGE, Severity.INFO, Map.of(), List.of())).isFalse();
    }
}
