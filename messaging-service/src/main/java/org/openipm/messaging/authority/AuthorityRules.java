package org.openipm.messaging.authority;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openipm.messaging.Countries;
import org.openipm.platform.problem.Problem.FieldError;

/**
 * What the annotations on {@link AuthorityRequest} cannot say: codes that must exist in their standard (ISO 3166-1
 * country, ISO 639-1 language, IANA time zone), a region inside the authority's country, office codes unique.
 */
public final class AuthorityRules {

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private AuthorityRules() {
    }

    /** Every broken rule, naming its field as the request writes it; empty when the authority is acceptable. */
    public static List<FieldError> violations(AuthorityRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (!Countries.isAssigned(request.country())) {
            errors.add(new FieldError("country", request.country() + " is not an assigned ISO 3166-1 alpha-2 code"));
        }
        Set<String> codes = new HashSet<>();
        List<Office> offices = request.officesOrNone();
        for (int i = 0; i < offices.size(); i++) {
            Office office = offices.get(i);
            String field = "offices[" + i + "]";
            if (!codes.add(office.code())) {
                errors.add(new FieldError(field + ".code", "office code " + office.code() + " is given twice"));
            }
            if (!ZONES.contains(office.timeZone())) {
                errors.add(new FieldError(field + ".timeZone", office.timeZone()
                        + " is not an IANA time zone id such as Europe/Paris"));
            }
            if (office.region() != null && !office.region().startsWith(request.country() + "-")) {
                errors.add(new FieldError(field + ".region", "region " + office.region()
                        + " is not a subdivision of " + request.country()));
            }
        }
        List<String> languages = request.languagesOrNone();
        for (int i = 0; i < languages.size(); i++) {
            if (!LANGUAGES.contains(languages.get(i))) {
                errors.add(new FieldError("languages[" + i + "]", languages.get(i) + " is not an ISO 639-1 code"));
            }
        }
        return errors;
    }
}
