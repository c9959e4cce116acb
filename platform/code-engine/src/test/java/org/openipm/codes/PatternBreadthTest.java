package org.openipm.codes;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PatternBreadthTest {

    @ParameterizedTest(name = "too broad: {0}")
    @ValueSource(strings = {".*", ".+", "[A-Z0-9]{10}", "\\d{10}", "[A-Z0-9]+", "\\w{4,40}", "[^x]*",
            "(?i)[a-z0-9]{6,12}", "[0-9A-Z]{4,8}-?[0-9]{0,4}", "\\d+", "[A-Z].*", ".*[0-9]"})
    void broadPatternsRefused(String regex) {
        assertThat(SafePattern.rejectionReason(regex)).as(regex)
                .hasValueSatisfying(r -> assertThat(r).startsWith("pattern matches too many codes"));
    }

    @ParameterizedTest(name = "specific enough: {0}")
    @ValueSource(strings = {"ACME-[0-9]{8}", "LV[0-9A-F]{10}", "[A-Z]{2}\\d{8}", "SN\\d{10}", "ACME-.{1,10}",
            "(?i)acme-[a-z0-9]{6}", "[0-9A-F]{16}", "\\d{13}", "ZX[A-Z0-9]{6,30}"})
    void specificPatternsAccepted(String regex) {
        assertThat(PatternBreadth.tooBroad(Pattern.compile(regex))).as(regex).isEmpty();
    }

    @Test
    @DisplayName("the sample is a few thousand codes, the same on every run")
    void sampleIsFixed() {
        assertThat(PatternBreadth.sampleSize()).isEqualTo(37 * 4 * PatternBreadth.PER_FAMILY);
        String first = PatternBreadth.tooBroad(Pattern.compile("[A-Z0-9]{10}")).orElseThrow();
        assertThat(PatternBreadth.tooBroad(Pattern.compile("[A-Z0-9]{10}"))).contains(first);
        assertThat(first).contains("random 10-character codes", "more than 1.0 %");
    }
}
