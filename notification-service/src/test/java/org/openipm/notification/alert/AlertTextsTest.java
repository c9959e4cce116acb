package org.openipm.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class AlertTextsTest {

    private static Alert counterfeit() {
        return VerdictAlerts.of(VerdictAlertsTest.SOURCE, VerdictAlertsTest.verdict("COUNTERFEIT", false, "acme")).get(0);
    }

    @Test
    void everyAlertTypeHasATextInEveryLanguage() {
        for (String language : AlertTexts.LANGUAGES) {
            ResourceBundle texts = ResourceBundle.getBundle("alert-texts", Locale.forLanguageTag(language),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (AlertType type : AlertType.values()) {
                assertThat(texts.containsKey(type.name())).as(language + " " + type).isTrue();
            }
        }
    }

    @Test
    void theSummaryIsInTheRecipientsLanguage() {
        assertThat(AlertTexts.summary(counterfeit(), "fr")).isEqualTo(
                "Contrefaçon : le fournisseur securemark a jugé contrefait le GTIN 09506000134352 série A1B2C3 (FR)");
        assertThat(AlertTexts.summary(counterfeit(), "ES")).startsWith("Falsificación: el proveedor securemark");
        assertThat(AlertTexts.summary(counterfeit(), "en")).startsWith("Counterfeit: provider securemark judged");
    }

    @Test
    void anyOtherLanguageGetsEnglish() {
        assertThat(AlertTexts.summary(counterfeit(), "de")).isEqualTo(AlertTexts.summary(counterfeit(), "en"));
        assertThat(AlertTexts.summary(counterfeit(), null)).isEqualTo(AlertTexts.summary(counterfeit(), "en"));
    }

    @Test
    void aMissingFactReadsAsAQuestionMarkAndReplacementsAreLiteral() {
        assertThat(AlertTexts.fill("{a} and {b}", Map.of("a", "$1 \\x"))).isEqualTo("$1 \\x and ?");
    }
}
