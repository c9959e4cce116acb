package org.openipm.notification.alert;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-line summary of an alert in its recipient's language (English, French or Spanish; English for any
 * other). Templates live in {@code alert-texts_<language>.properties}, one per alert type, with {@code {fact}}
 * placeholders filled from the alert's facts; a fact the alert lacks reads as "?" rather than failing.
 */
public final class AlertTexts {

    public static final Set<String> LANGUAGES = Set.of("en", "fr", "es");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final ResourceBundle.Control NO_FALLBACK_TO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private AlertTexts() {
    }

    public static String summary(Alert alert, String language) {
        return summary(alert.type(), alert.facts(), language);
    }

    public static String summary(AlertType type, Map<String, String> facts, String language) {
        String lang = language != null && LANGUAGES.contains(language.toLowerCase(Locale.ROOT))
                ? language.toLowerCase(Locale.ROOT) : "en";
        ResourceBundle texts = ResourceBundle.getBundle("alert-texts", Locale.forLanguageTag(lang),
                NO_FALLBACK_TO_DEFAULT_LOCALE);
        String template;
        try {
            template = texts.getString(type.name());
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No " + lang + " text for " + type, e);
        }
        return fill(template, facts);
    }

    static String fill(String template, Map<String, String> facts) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            placeholder.appendReplacement(text, Matcher.quoteReplacement(facts.getOrDefault(placeholder.group(1), "?")));
        }
        return placeholder.appendTail(text).toString();
    }
}
