package org.openipm.messaging.cases.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.Locale;
import org.openipm.messaging.authority.AuthorityRepository;
import org.openipm.messaging.cases.ShipmentCase;
import org.openipm.messaging.cases.rules.Office;
import org.openipm.platform.problem.ProblemException;

/**
 * Where a case's legal clocks run: the case's office in the authority directory gives the country, the region
 * whose holidays count and the time zone in which days end.
 */
@ApplicationScoped
public class CaseOffices {

    private final AuthorityRepository authorities;

    public CaseOffices(AuthorityRepository authorities) {
        this.authorities = authorities;
    }

    /** The office for the legal clocks; 422 when the directory no longer has it (nothing is computed then). */
    public Office of(ShipmentCase shipmentCase) {
        return authorities.findByIdOptional(shipmentCase.authority)
                .flatMap(authority -> authority.office(shipmentCase.office))
                .map(office -> new Office(shipmentCase.country, holidayRegion(office.region()),
                        ZoneId.of(office.timeZone())))
                .orElseThrow(() -> ProblemException.unprocessable("office-unknown", "Office " + shipmentCase.office
                        + " of " + shipmentCase.authority + " is no longer in the directory of authorities;"
                        + " its legal clocks cannot be counted until an administrator restores it"));
    }

    /** ISO 3166-2 {@code DE-BY} or {@code FR-67} -> the holiday library's subdivision {@code by}, {@code 67}. */
    static String holidayRegion(String isoSubdivision) {
        if (isoSubdivision == null) {
            return null;
        }
        return isoSubdivision.substring(isoSubdivision.indexOf('-') + 1).toLowerCase(Locale.ROOT);
    }
}
