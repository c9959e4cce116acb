package org.openipm.notification.alert;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openipm.platform.problem.Problem.FieldError;

/**
 * What the annotations on {@link BrandAlertRequest} cannot say: a known kind and authority types, assigned
 * country codes, photos as absolute https URLs (the brand hosts them; OpenIPM never fetches them, so they cannot
 * make it call anything), no value given twice.
 */
public final class BrandAlertRules {

    public static final int MAX_TEXT = 1000;
    public static final int MAX_PRODUCTS = 50;
    public static final int MAX_COUNTRIES = 50;
    public static final int MAX_PHOTOS = 5;
    public static final int MAX_URL = 2048;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** What a brand's alert is about. */
    public enum Kind {
        NEW_FAKE_SEEN, ROUTE_TO_WATCH, TRADER_TO_WATCH, OTHER
    }

    private BrandAlertRules() {
    }

    /** Every broken rule, naming its field as the request writes it; empty when the alert is acceptable. */
    public static List<FieldError> violations(BrandAlertRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (!isOneOf(Kind.class, request.kind())) {
            errors.add(new FieldError("kind", "must be one of " + List.of(Kind.values())));
        }
        distinct(errors, "targetCountries", request.targetCountries());
        for (int i = 0; i < request.targetCountries().size(); i++) {
            if (!COUNTRIES.contains(request.targetCountries().get(i))) {
                errors.add(new FieldError("targetCountries[" + i + "]", request.targetCountries().get(i)
                        + " is not an assigned ISO 3166-1 alpha-2 code (upper case, e.g. FR)"));
            }
        }
        distinct(errors, "authorityTypes", request.authorityTypes());
        for (int i = 0; i < request.authorityTypes().size(); i++) {
            if (!isOneOf(AuthorityType.class, request.authorityTypes().get(i))) {
                errors.add(new FieldError("authorityTypes[" + i + "]", "must be one of "
                        + List.of(AuthorityType.values())));
            }
        }
        distinct(errors, "productIds", request.productIdsOrNone());
        List<String> photos = request.photoUrlsOrNone();
        for (int i = 0; i < photos.size(); i++) {
            if (!isHttpsUrl(photos.get(i))) {
                errors.add(new FieldError("photoUrls[" + i + "]", "must be an absolute https URL of an image"));
            }
        }
        return errors;
    }

    static boolean isHttpsUrl(String value) {
        try {
            URI uri = new URI(value);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static <E extends Enum<E>> boolean isOneOf(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static void distinct(List<FieldError> errors, String field, List<?> values) {
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (!seen.add(values.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", values.get(i) + " is given twice"));
            }
        }
    }
}
