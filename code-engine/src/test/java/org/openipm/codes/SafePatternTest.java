package org.openipm.codes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafePatternTest {

    @ParameterizedTest(name = "accepted: {0}")
    @ValueSource(strings = {"[A-Z]{2}\\d{8}", "ACME-[0-9]{6}", "(?i)lv[0-9a-f]{12}", "SN(\\d{4})-(\\d{4})?",
            "(ABC|XYZ)-\\d{5}", "[A-Z]+-\\d+", "(?:[A-Z]{2}-)?\\d{10}", "\\QA.B\\E\\d{3}", "(\\d+)?X",
            "[\\]\\[]{2}\\d{3}", "(?<serial>\\d{8})"})
    void accepted(String regex) {
        assertThat(SafePattern.rejectionReason(regex)).as(regex).isEmpty();
    }

    @ParameterizedTest(name = "{0} rejected: {1}")
    @CsvSource(delimiter = ';', value = {
            "(a+)+;nested quantifier",
            "(a*)*;nested quantifier",
            "(a|a)*;repeated alternation",
            "(a|aa)+b;repeated alternation",
            "([A-Z]+\\d)*;nested quantifier",
            "(x(a|b))*;repeated alternation",
            "(\\d+){2,30};nested quantifier",
            "(a+){5,};nested quantifier",
            "(a)\\1;backreference",
            "(?<x>a)\\k<x>;backreference",
            "foo(?=bar);lookaround",
            "foo(?!bar);lookaround",
            "(?<=a)b;lookaround",
            "(?<!a)b;lookaround",
            "[a-z;does not compile",
            "a{2,1};does not compile",
            ".*.*.*.*x;too many unbounded"})
    void rejected(String regex, String reason) {
        assertThat(SafePattern.rejectionReason(regex)).as(regex).hasValueSatisfying(r -> assertThat(r).contains(reason));
    }

    @Test
    @DisplayName("too long, empty and null patterns are rejected")
    void lengthLimits() {
        assertThat(SafePattern.rejectionReason("a".repeat(201))).hasValueSatisfying(r -> assertThat(r).contains("201"));
        assertThat(SafePattern.rejectionReason("a".repeat(200))).isEmpty();
        assertThat(SafePattern.rejectionReason("")).isPresent();
        assertThat(SafePattern.rejectionReason(null)).isPresent();
    }
}
