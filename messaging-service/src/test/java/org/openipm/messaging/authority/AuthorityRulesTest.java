package org.openipm.messaging.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openipm.platform.problem.Problem.FieldError;

class AuthorityRulesTest {

    @Test
    void aWellFormedAuthorityBreaksNoRule() {
        assertThat(AuthorityRules.violations(authority("FR", List.of(office("FRLEH", "Europe/Paris", "FR-67")),
                List.of("fr", "en")))).isEmpty();
    }

    @Test
    void eachBrokenRuleNamesItsField() {
        List<FieldError> errors = AuthorityRules.violations(authority("XX", List.of(
                office("DEHAM", "Mars/Olympus", "DE-HH"), office("DEHAM", "Europe/Berlin", null)), List.of("zz")));

        assertThat(errors).extracting(FieldError::field).containsExactly("country", "offices[0].timeZone",
                "offices[0].region", "offices[1].code", "languages[0]");
    }

    private static AuthorityRequest authority(String country, List<Office> offices, List<String> languages) {
        return new AuthorityRequest("a-1", "A", country, AuthorityType.CUSTOMS, offices, languages, List.of());
    }

    private static Office office(String code, String zone, String region) {
        return new Office(code, "Office", OfficeKind.PORT, zone, region);
    }
}
