package org.openipm.notification.subscription;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.openipm.notification.alert.AlertTexts;
import org.openipm.notification.alert.AlertType;
import org.openipm.notification.delivery.Channel;
import org.openipm.notification.alert.Severity;
import org.openipm.notification.webhook.WebhookTargets;
import org.openipm.platform.problem.ProblemException;

/** Checks a subscription request and gives it its normal form; every refusal names the field and what is accepted. */
public final class SubscriptionRules {

    public static final int MAX_EMAIL_LENGTH = 254;
    public static final int MAX_PRODUCT_ID_LENGTH = 100;
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    // Deliberately simple: one @, no spaces or angle brackets; the SMTP server has the last word.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+");

    private final WebhookTargets targets;
    private final int maxFilterEntries;

    public SubscriptionRules(WebhookTargets targets, int maxFilterEntries) {
        this.targets = targets;
        this.maxFilterEntries = maxFilterEntries;
    }

    /** A request that passed the rules. */
    public record Checked(Channel channel, String url, String email, String language, List<String> alertTypes,
            Severity minSeverity, List<String> products, List<String> countries) {
    }

    public Checked check(SubscriptionRequest request) {
        if (request == null) {
            throw invalid("a subscription body is required");
        }
        Channel channel = parse(Channel.class, "channel", request.channel());
        String language = Optional.ofNullable(request.language()).map(l -> l.toLowerCase(Locale.ROOT)).orElse("en");
        if (!AlertTexts.LANGUAGES.contains(language)) {
            throw invalid("language must be one of " + AlertTexts.LANGUAGES.stream().sorted().toList() + ", not '"
                    + request.language() + "'");
        }
        String url = null;
        String email = null;
        if (channel == Channel.WEBHOOK) {
            if (request.email() != null) {
                throw invalid("a WEBHOOK subscription has a url, not an email");
            }
            url = request.url();
            String target = url;
            targets.refusal(url).ifPresent(why -> {
                throw ProblemException.badRequest("invalid-webhook-url", "url " + shorten(target) + ": " + why);
            });
        } else {
            if (request.url() != null) {
                throw invalid("an EMAIL subscription has an email, not a url");
            }
            email = request.email() == null ? null : request.email().trim();
            if (email == null || email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
                throw invalid("email must be one address of at most " + MAX_EMAIL_LENGTH + " characters");
            }
        }
        List<String> types = list("alertTypes", request.alertTypes()).stream()
                .map(t -> parse(AlertType.class, "alertTypes", t).name()).distinct().toList();
        Severity minimum = request.minSeverity() == null ? Severity.INFO
                : parse(Severity.class, "minSeverity", request.minSeverity());
        List<String> products = list("products", request.products());
        products.forEach(p -> {
            if (p == null || p.isBlank() || p.length() > MAX_PRODUCT_ID_LENGTH) {
                throw invalid("products are product ids of 1-" + MAX_PRODUCT_ID_LENGTH + " characters");
            }
        });
        List<String> countries = list("countries", request.countries()).stream()
                .map(c -> c == null ? "" : c.toUpperCase(Locale.ROOT)).toList();
        countries.forEach(c -> {
            if (!COUNTRY.matcher(c).matches() || !Set.of(Locale.getISOCountries()).contains(c)) {
                throw invalid("countries are ISO 3166 alpha-2 codes, not '" + c + "'");
            }
        });
        return new Checked(channel, url, email, language, types, minimum, distinct(products), distinct(countries));
    }

    private List<String> list(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > maxFilterEntries) {
            throw invalid(field + " may list at most " + maxFilterEntries + " entries");
        }
        return values;
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    private static String shorten(String url) {
        return url == null ? "(none)" : url.length() > 100 ? url.substring(0, 100) + "..." : url;
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-subscription", detail);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw invalid(field + " must be one of " + Arrays.toString(type.getEnumConstants()) + ", not '" + value
                    + "'");
        }
    }
}
