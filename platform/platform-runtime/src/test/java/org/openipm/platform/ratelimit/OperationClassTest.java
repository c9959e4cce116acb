package org.openipm.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperationClassTest {

    @Test
    void scansAndSearchesAreTheirOwnClasses() {
        assertThat(OperationClass.of("GET", "/api/v1/lookup")).contains(OperationClass.LOOKUP);
        assertThat(OperationClass.of("GET", "/api/v1/lookup/")).contains(OperationClass.LOOKUP);
        assertThat(OperationClass.of("GET", "/api/v1/search")).contains(OperationClass.SEARCH);
    }

    @Test
    void everyChangeIsAWrite() {
        for (String method : new String[] { "POST", "PUT", "PATCH", "DELETE" }) {
            assertThat(OperationClass.of(method, "/api/v1/products/p-1")).contains(OperationClass.WRITE);
        }
    }

    @Test
    void plainReadsAndOperationsEndpointsAreNotLimited() {
        assertThat(OperationClass.of("GET", "/api/v1/products/p-1")).isEmpty();
        assertThat(OperationClass.of("GET", "/api/v1/lookups-of-something")).isEmpty();
        assertThat(OperationClass.of("POST", "/q/health")).isEmpty();
        assertThat(OperationClass.of("GET", "/q/metrics")).isEmpty();
    }
}
