package org.openipm.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafePatternTest {

    @ParameterizedTest(name = "accepted: {0}")
    @ValueSource(strings = {"[A-Z]{2}\\d{8}", "ACME-[0-9]{6}", "ACME-[0-9]{8}", "(?i)lv[0-9a-f]{12}",
            "SN(\\d{4})-(\\d{4})?", "(ABC|XYZ)-\\d{5}", "ZX-[A-Z]+-\\d+", "(?:QX-)?\\d{4}-[A-Z]{3}-\\d{4}",
            "\\QA.B\\E\\d{3}", "[\\]\\[]{2}\\d{3}", "(?P<serial>MK\\d{8})", "(?<serial>MK\\d{8})",
            "CERT/(\\d{1,10}-){1,10}X",
            // Shapes that made the backtracking matcher explode are harmless in RE2 and match no random code.
            "(a+)+", "(a|a){1,100}", "(a|aa)+b"})
    void accepted(String regex) {
        assertThat(SafePattern.rejectionReason(regex)).as(regex).isEmpty();
    }

    @ParameterizedTest(name = "{0} rejected: {1}")
    @CsvSource(delimiter = ';', value = {
            "(a)\\1;backreferences are not supported",
            "(?<x>a)\\k<x>;backreferences are not supported",
            "foo(?=bar);lookaround is not supported",
            "foo(?!bar);lookaround is not supported",
            "(?<=a)b;lookaround is not supported",
            "(?<!a)b;lookaround is not supported",
            "(?>ab)c;atomic groups and possessive quantifiers",
            "ACME-\\d++;atomic groups and possessive quantifiers",
            "[a-z;missing closing ]",
            "a{2,1};invalid repeat count",
            "a{1001};invalid repeat count",
            "((a{1,100}){1,100}){1,100};nested counted repetition: the group at index 1",
            "(a{1,30}){1,30};nested counted repetition: the group at index 0",
            "[A-Z]{1000}[0-9]{1000}[a-z]{1000}[A-F]{1000}[G-K]{1000};pattern would compile to about",
            "[A-Z]{400}[0-9]{400};pattern compiles to 802 instructions, at most 500"})
    void rejected(String regex, String reason) {
        assertThat(SafePattern.rejectionReason(regex)).as(regex).hasValueSatisfying(r -> assertThat(r).contains(reason));
    }

    @Test
    @DisplayName("a pattern that would take seconds to compile is refused before compiling")
    void hugeNestedRepetitionRefusedQuickly() {
        String regex = "((a{1,1000}){1,1000}){1,1000}";
        // A hang guard: compiling this to two billion instructions would exhaust time and memory.
        var refusal = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> SafePattern.rejectionReason(regex));
        assertThat(refusal).hasValueSatisfying(r -> assertThat(r).contains("nested counted repetition"));
        assertThat(SafePattern.compiledForMatching(regex)).isEmpty();
    }

    @Test
    @DisplayName("the structure estimate stays close to RE2/J's program size")
    void estimateFollowsProgramSize() {
        for (String regex : new String[] {"ACME-[0-9]{8}", "[A-Z0-9]{1,50}", "(a|a){1,100}", "(\\d{1,10}-){1,10}",
                "(?i)lv[0-9a-f]{12}", "(a{1,30}){1,30}"}) {
            long estimate = SafePattern.estimate(regex).size();
            int actual = com.google.re2j.Pattern.compile(regex).programSize();
            assertThat(estimate).as(regex).isBetween(actual / 3L, actual * 3L);
        }
    }

    @Test
    @DisplayName("too long, empty and null patterns are rejected")
    void lengthLimits() {
        assertThat(SafePattern.rejectionReason("A".repeat(201))).hasValueSatisfying(r -> assertThat(r).contains("201"));
        assertThat(SafePattern.rejectionReason("A".repeat(200))).isEmpty();
        assertThat(SafePattern.rejectionReason("")).isPresent();
        assertThat(SafePattern.rejectionReason(null)).isPresent();
    }
}
