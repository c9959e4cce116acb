package org.openipm.codes.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AiDictionaryTest {

    private final AiDictionary dict = AiDictionary.bundled();

    @Test
    @DisplayName("the bundled dictionary loads every AI, ranges expanded")
    void loadsAllAis() {
        assertThat(dict.size()).isGreaterThan(500);
        assertThat(dict.get("3103")).isNotNull();
        assertThat(dict.get("3106")).isNull();
        assertThat(dict.get("91")).isNotNull();
        assertThat(dict.get("99").title()).isEqualTo("INTERNAL");
        assertThat(dict.get("8110").title()).isEmpty();
    }

    @Test
    @DisplayName("AI (01): GTIN, predefined length N14 with csum and gcppos2, DL primary key with qualifier paths")
    void gtinEntry() {
        AiEntry e = dict.get("01");
        assertThat(e.title()).isEqualTo("GTIN");
        assertThat(e.fnc1Required()).isFalse();
        assertThat(e.dlDataAttribute()).isTrue();
        assertThat(e.components()).hasSize(1);
        assertThat(e.components().get(0).toString()).isEqualTo("N14,csum,gcppos2");
        assertThat(e.excludes()).containsExactly("255", "37");
        assertThat(e.dlQualifierSequences()).containsExactly(List.of("22", "10", "21"), List.of("235"));
    }

    @Test
    @DisplayName("AI (21) needs FNC1, is not a DL attribute, and requires (01), (03) or (8006)")
    void serialEntry() {
        AiEntry e = dict.get("21");
        assertThat(e.fnc1Required()).isTrue();
        assertThat(e.dlDataAttribute()).isFalse();
        assertThat(e.isDlPrimaryKey()).isFalse();
        assertThat(e.requires()).containsExactly(List.of(List.of("01"), List.of("03"), List.of("8006")));
    }

    @Test
    @DisplayName("optional components and '+' joined requirements are parsed")
    void optionalComponentsAndJoinedRequirements() {
        assertThat(dict.get("253").components().get(1).optional()).isTrue();
        assertThat(dict.get("253").minLength()).isEqualTo(13);
        assertThat(dict.get("253").maxLength()).isEqualTo(30);
        assertThat(dict.get("8041").requires()).containsExactly(List.of(List.of("01", "21", "8040")));
        assertThat(dict.get("250").requires()).hasSize(2);
    }

    @Test
    @DisplayName("every linter the dictionary names is implemented (none only recorded)")
    void everyLinterImplemented() {
        assertThat(dict.usedLinters()).contains("csum", "csumalpha", "gcppos1", "yymmd0", "iso3166", "pcenc");
        assertThat(dict.unimplementedLinters()).isEmpty();
    }

    @Test
    @DisplayName("an unknown linter in a dictionary is recorded, not fatal")
    void unknownLinterRecorded() {
        AiDictionary d = AiDictionary.parse(List.of("# comment", "99  ?  X..90,futurelinter   # INTERNAL"));
        assertThat(d.unimplementedLinters()).containsExactly("futurelinter");
        assertThat(Linters.check("futurelinter", "x")).isNull();
    }

    @Test
    @DisplayName("a malformed dictionary line is reported with its line number")
    void malformedLine() {
        assertThatThrownBy(() -> AiDictionary.parse(List.of("", "99 ?  req=01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }

    @Test
    @DisplayName("AI prefix lookup finds 2, 3 and 4 digit AIs")
    void prefixLookup() {
        assertThat(dict.lookupPrefix("0109520123456788", 0).ai()).isEqualTo("01");
        assertThat(dict.lookupPrefix("x4220250", 1).ai()).isEqualTo("422");
        assertThat(dict.lookupPrefix("3103000195", 0).ai()).isEqualTo("3103");
        assertThat(dict.lookupPrefix("2399", 0)).isNull();
    }
}
