package org.openipm.product.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openipm.platform.problem.Problem.FieldError;
import org.openipm.platform.problem.ProblemException;
import org.openipm.product.domain.Category;
import org.openipm.product.domain.CodePattern;
import org.openipm.product.domain.Feature;
import org.openipm.product.domain.TacRange;
import org.openipm.product.domain.TradePartner;
import org.openipm.product.product.ProductRequest.CodePatternRequest;
import org.openipm.product.product.ProductRequest.FeatureKind;
import org.openipm.product.product.ProductRequest.FeatureRequest;
import org.openipm.product.product.ProductRequest.TacRangeRequest;
import org.openipm.product.product.ProductRequest.TradePartnerRequest;
import org.openipm.product.product.ProductRequest.TradeRole;

/** The rules an API request and an import row share, without a server. */
class ProductRulesTest {

    @Test
    void gtinsAreStoredAsFourteenDigitsOnceEach() {
        ProductRules.Checked checked = ProductRules.check(request(List.of("4006381333931", " 04006381333931 "),
                List.of(), List.of()));
        assertThat(checked.valid()).isTrue();
        assertThat(checked.gtins()).containsExactly("04006381333931");
    }

    @Test
    void eachFaultNamesItsField() {
        ProductRules.Checked checked = ProductRules.check(request(List.of("4006381333932"),
                List.of(new TacRangeRequest("35000009", "35000000")),
                List.of(new CodePatternRequest(null, ".*", null))));
        assertThat(checked.errors()).extracting(FieldError::field)
                .containsExactly("gtins[0]", "tacRanges[0]", "codePatterns[0].regex");
    }

    @Test
    void aRangeWithoutLastTacIsOneTacAndPatternsGetDefaultIds() {
        ProductRules.Checked checked = ProductRules.check(request(List.of(),
                List.of(new TacRangeRequest("35000000", null)),
                List.of(new CodePatternRequest(null, "ACME-[0-9]{8}", "serial"))));
        assertThat(checked.tacRanges()).containsExactly(new TacRange("35000000", "35000000"));
        assertThat(checked.codePatterns()).containsExactly(new CodePattern("p1", "ACME-[0-9]{8}", "serial"));
    }

    @Test
    void featuresAreOvertUnlessSaidCovertAndTradePartnersKeepTheirRole() {
        ProductRequest request = new ProductRequest(null, "W-1", "Watch", Category.WATCHES, null, null, null, null,
                null, List.of(new FeatureRequest(FeatureKind.GENUINE, "Logo", null, "crown", null, null)),
                List.of(new TradePartnerRequest(TradeRole.KNOWN_INFRINGER, "Fake Ltd", "CN")));
        ProductRules.Checked checked = ProductRules.check(request);
        assertThat(checked.features()).containsExactly(new Feature("GENUINE", "Logo", null, "crown", null, "OVERT"));
        assertThat(checked.tradePartners()).containsExactly(new TradePartner("KNOWN_INFRINGER", "Fake Ltd", "CN"));
    }

    @Test
    void anInvalidRequestIsABadRequestProblemListingEveryField() {
        assertThatThrownBy(() -> ProductRules.requireValid(request(List.of("123", "4006381333931x"), List.of(),
                List.of())))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().errors()).extracting(FieldError::field)
                            .containsExactly("gtins[0]", "gtins[1]");
                });
    }

    private static ProductRequest request(List<String> gtins, List<TacRangeRequest> ranges,
            List<CodePatternRequest> patterns) {
        return new ProductRequest(null, "W-1", "Watch", Category.WATCHES, null, null, gtins, ranges, patterns, null,
                null);
    }
}
