package org.openipm.codes.gs1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Vectors from the GS1 Barcode Syntax Tests' own unit tests. */
class LintersTest {

    @ParameterizedTest(name = "csum passes {0}")
    @ValueSource(strings = {"02345673", "416000336108", "1234567890128", "12345678901231", "123456789012345675"})
    void csumPasses(String v) {
        assertThat(Linters.check("csum", v)).isNull();
    }

    @ParameterizedTest(name = "csum fails {0} at offset {1}")
    @CsvSource({"12345673,7,CHECK_DIGIT", "416000336109,11,CHECK_DIGIT", "12345678901232,13,CHECK_DIGIT",
            "123456789012345670,17,CHECK_DIGIT", "12345678 012345675,8,INVALID_VALUE"})
    void csumFails(String v, int offset, String code) {
        LintFailure f = Linters.check("csum", v);
        assertThat(f).isNotNull();
        assertThat(f.code()).isEqualTo(code);
        assertThat(f.offset()).isEqualTo(offset);
    }

    @ParameterizedTest(name = "csumalpha passes {0}")
    @ValueSource(strings = {"22", "!22", "1987654Ad4X4bL5ttr2310c2K", "12345678901234567890123NT",
            "12345_ABCDEFGHIJKLMCP", "12345_abcdefghijklmN3", "12345_!\"%&'()*+,-./LC", "7907665Bm8v2AB",
            "23956qk1&dB!23", "00000!HV", "99999zzzzzzzzzzzzzzzzzzT2"})
    void csumalphaPasses(String v) {
        assertThat(Linters.check("csumalpha", v)).isNull();
    }

    @ParameterizedTest(name = "csumalpha fails {0}")
    @ValueSource(strings = {"2", "33", "1987654Ad4X4bL5ttr2310cXK", "1987654Ad4X4bL5ttr2310c2X",
            "12345678901234567890123 T"})
    void csumalphaFails(String v) {
        assertThat(Linters.check("csumalpha", v)).isNotNull();
    }

    @ParameterizedTest(name = "gcppos2 {0} -> {1}")
    @CsvSource({"I0123,true", "I01234,true", "I0123A,true", "I012,false", "I012A,false", "IA123,false"})
    void gcppos2(String v, boolean ok) {
        assertThat(Linters.check("gcppos2", v) == null).isEqualTo(ok);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "yymmd0,201225,true", "yymmd0,201200,true", "yymmd0,201332,false", "yymmd0,200230,false",
            "yymmd0,000229,true", "yymmd0,010229,false", "yymmdd,201200,false", "yymmdd,201231,true",
            "yyyymmdd,20240229,true", "yyyymmdd,19000229,false", "yyyymmdd,20000229,true",
            "hhmi,2359,true", "hhmi,2400,false", "hhmi,1260,false", "hh,23,true", "hh,24,false",
            "mi,59,true", "ss,60,false",
            "iso3166,250,true", "iso3166,999,false", "iso3166999,999,true", "iso3166,000,false",
            "iso3166alpha2,FR,true", "iso3166alpha2,XX,false", "iso4217,978,true", "iso4217,001,false",
            "winding,0,true", "winding,9,true", "winding,2,false",
            "pieceoftotal,0203,true", "pieceoftotal,0908,false", "pieceoftotal,0001,false", "pieceoftotal,111,false",
            "pcenc,ABC%20XYZ,true", "pcenc,ABC%gXYZ,false", "pcenc,%g,false",
            "nonzero,0001,true", "nonzero,0000,false", "zero,0,true", "zero,1,false",
            "yesno,1,true", "yesno,2,false", "hyphen,-,true", "hyphen,A,false",
            "latitude,1800000000,true", "latitude,1800000001,false", "longitude,3600000000,true",
            "importeridx,_,true", "importeridx,*,false", "packagetype,BX,true", "packagetype,QQQ,false",
            "mediatype,01,true", "mediatype,11,false", "iso5218,9,true", "iso5218,3,false",
            "posinseqslash,1/3,true", "posinseqslash,4/3,false", "posinseqslash,01/3,false", "posinseqslash,13,false",
            "nozeroprefix,123,true", "nozeroprefix,0123,false", "hasnondigit,12A,true", "hasnondigit,123,false",
            "iban,GB82WEST12345698765432,true", "iban,GB82WEST12345698765431,false", "iban,XX82WEST1234,false",
            "couponposoffer,001234566543210123456,true", "couponposoffer,201234566543210123456,false",
            "couponposoffer,0012345665432101234567,false",
            "couponcode,012345612345615110001,true", "couponcode,7123456,false"})
    void namedLinters(String linter, String value, boolean ok) {
        assertThat(Linters.check(linter, value) == null).as(linter + " " + value).isEqualTo(ok);
    }
}
