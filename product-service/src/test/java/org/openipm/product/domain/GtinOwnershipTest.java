package org.openipm.product.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GtinOwnershipTest {

    private final GtinOwnership ownership = new GtinOwnership(List.of("952012"), Set.of("04006381333931"));

    @Test
    void prefixIsReadAfterTheIndicatorDigit() {
        assertThat(ownership.owns("09520123456788")).isTrue();
        assertThat(ownership.owns("19520123456785")).isTrue();
        assertThat(ownership.owns("95201234567880")).isFalse();
    }

    @Test
    void gtinLicensedOneByOneIsOwnedOutsideAnyPrefix() {
        assertThat(ownership.verified(List.of("04006381333931", "00000096385074", "09520123456788")))
                .containsExactly("04006381333931", "09520123456788");
    }
}
