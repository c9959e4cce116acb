package org.openipm.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EdgeLimitsRulesTest {

    private final BodyLimits bodies = new BodyLimits(List.of(
            new BodyLimits.Route(Pattern.compile("/api/v1/products/[^/]+/images"), 2_000_000),
            new BodyLimits.Route(Pattern.compile("/api/v1/brands/[^/]+/imports"), 64_000_000)), 1_000_000, 500_000);

    @Test
    void aRouteLimitWinsOverTheTypeLimit() {
        assertThat(bodies.limitFor("/api/v1/products/42/images", "image/png")).isEqualTo(2_000_000);
        assertThat(bodies.limitFor("/api/v1/brands/b/imports", "application/x-ndjson")).isEqualTo(64_000_000);
    }

    @Test
    void jsonIsHeldToTheJsonLimitButJsonLinesIsNotJson() {
        assertThat(bodies.limitFor("/api/v1/products", "application/json; charset=UTF-8")).isEqualTo(1_000_000);
        assertThat(bodies.limitFor("/api/v1/products", "application/merge-patch+json")).isEqualTo(1_000_000);
        assertThat(bodies.limitFor("/api/v1/products", "application/x-ndjson")).isEqualTo(500_000);
        assertThat(bodies.limitFor("/api/v1/products", null)).isEqualTo(500_000);
    }

    @Test
    void requestTargetAndHeadersAreCountedAgainstTheirLimits() {
        RequestHeadLimits limits = new RequestHeadLimits(100, 200);
        assertThat(limits.check("/a?q=" + "x".repeat(100), List.of())).get()
                .extracting(Problem::status).isEqualTo(414);
        assertThat(limits.check("/a", List.of(Map.entry("X-Big", "y".repeat(200))))).get()
                .extracting(Problem::status).isEqualTo(431);
        assertThat(limits.check("/a", List.of(Map.entry("Accept", "application/json")))).isEmpty();
    }

    @Test
    void pagesPastTheMaximumOffsetAreRefusedWithoutOverflow() {
        PageBounds.check(50, 200, 10_000);
        assertThatThrownBy(() -> PageBounds.check(Integer.MAX_VALUE, 2, 10_000))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("4294967294");
                });
        assertThatThrownBy(() -> PageBounds.check(51, 200, 10_000)).isInstanceOf(ProblemException.class);
    }

    @Test
    void databaseFailuresAreRecognisedAnywhereInTheCauses() {
        assertThat(DatabaseFailures.classify(new RuntimeException(new SQLException("dup", "23505"))))
                .contains(DatabaseFailures.Kind.DUPLICATE);
        assertThat(DatabaseFailures.classify(new RuntimeException(new SQLException("refused", "08001"))))
                .contains(DatabaseFailures.Kind.UNAVAILABLE);
        assertThat(DatabaseFailures.classify(new SQLException("terminated", "57P01")))
                .contains(DatabaseFailures.Kind.UNAVAILABLE);
        assertThat(DatabaseFailures.classify(new IllegalStateException(new jakarta.persistence.OptimisticLockException())))
                .contains(DatabaseFailures.Kind.CONCURRENT_CHANGE);
        assertThat(DatabaseFailures.classify(new org.hibernate.exception.GenericJDBCException(
                "Unable to acquire JDBC Connection", new SQLException("not accepting connections", "55000"))))
                .contains(DatabaseFailures.Kind.UNAVAILABLE);
        assertThat(DatabaseFailures.classify(new SQLException("syntax", "42601"))).isEmpty();
        assertThat(DatabaseFailures.classify(new NullPointerException())).isEmpty();
    }
}
