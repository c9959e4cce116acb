package org.openipm.codes.gs1;

import static org.openipm.codes.ProblemCodes.CHECK_DIGIT;
import static org.openipm.codes.ProblemCodes.INVALID_COMPANY_PREFIX;
import static org.openipm.codes.ProblemCodes.INVALID_COUNTRY;
import static org.openipm.codes.ProblemCodes.INVALID_CURRENCY;
import static org.openipm.codes.ProblemCodes.INVALID_DATE;
import static org.openipm.codes.ProblemCodes.INVALID_PERCENT_ENCODING;
import static org.openipm.codes.ProblemCodes.INVALID_TIME;
import static org.openipm.codes.ProblemCodes.INVALID_VALUE;

import java.util.Set;

/**
 * The GS1 Barcode Syntax Tests ("linters") named by the syntax dictionary, implemented from their published
 * specification. Each returns null when the component is fine.
 */
public final class Linters {
    private Linters() {}

    /** Every linter the dictionary may name that this class checks. */
    private static final Set<String> IMPLEMENTED = Set.of(
            "csum", "csumalpha", "gcppos1", "gcppos2", "key",
            "yymmd0", "yymmdd", "yyyymmd0", "yyyymmdd", "hh", "mi", "ss", "hhmi", "hhmm",
            "iso3166", "iso3166999", "iso3166alpha2", "iso4217", "iso5218",
            "pcenc", "nonzero", "zero", "winding", "pieceoftotal", "yesno", "hyphen",
            "latitude", "longitude", "importeridx", "packagetype", "mediatype", "posinseqslash",
            "nozeroprefix", "hasnondigit", "iban", "couponposoffer", "couponcode");

    private static final String CSET82_ORDER =
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private static final String CSET32 = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int[] PRIMES = firstPrimes(97);
    private static final int[] CSET82_WEIGHT = new int[128];

    static {
        java.util.Arrays.fill(CSET82_WEIGHT, -1);
        for (int i = 0; i < CSET82_ORDER.length(); i++) {
            CSET82_WEIGHT[CSET82_ORDER.charAt(i)] = i;
        }
    }

    public static boolean isImplemented(String linter) {
        return IMPLEMENTED.contains(linter);
    }

    /**
     * Runs the named linter on {@code v}.
     *
     * @return null if fine or the linter is unknown (unknown linters are recorded by the dictionary and accepted)
     */
    public static LintFailure check(String linter, String v) {
        return switch (linter) {
            case "csum" -> csum(v);
            case "csumalpha" -> csumalpha(v);
            case "gcppos1", "key" -> gcp(v, 0);
            case "gcppos2" -> gcp(v, 1);
            case "yymmd0" -> yymmdd(v, true);
            case "yymmdd" -> yymmdd(v, false);
            case "yyyymmd0" -> yyyymmdd(v, true);
            case "yyyymmdd" -> yyyymmdd(v, false);
            case "hh" -> twoDigitMax(v, 23, INVALID_TIME, "hour");
            case "mi" -> twoDigitMax(v, 59, INVALID_TIME, "minute");
            case "ss" -> twoDigitMax(v, 59, INVALID_TIME, "second");
            case "hhmi", "hhmm" -> hhmi(v);
            case "iso3166" -> iso3166(v, false);
            case "iso3166999" -> iso3166(v, true);
            case "iso3166alpha2" -> iso3166alpha2(v);
            case "iso4217" -> iso4217(v);
            case "iso5218" -> oneOf(v, "0129", "biological sex code (ISO/IEC 5218) must be 0, 1, 2 or 9");
            case "pcenc" -> pcenc(v);
            case "nonzero" -> nonzero(v);
            case "zero" -> zero(v);
            case "winding" -> oneOf(v, "019", "winding direction must be 0, 1 or 9");
            case "yesno" -> oneOf(v, "01", "value must be 0 (no) or 1 (yes)");
            case "pieceoftotal" -> pieceOfTotal(v);
            case "hyphen" -> hyphen(v);
            case "latitude" -> degrees(v, 1_800_000_000L, "latitude");
            case "longitude" -> degrees(v, 3_600_000_000L, "longitude");
            case "importeridx" -> importerIndex(v);
            case "packagetype" -> IsoCodes.isPackageType(v) ? null
                    : fail(INVALID_VALUE, "'" + v + "' is not a GS1 PackageTypeCode", 0);
            case "mediatype" -> mediaType(v);
            case "posinseqslash" -> positionInSequence(v);
            case "nozeroprefix" -> noZeroPrefix(v);
            case "hasnondigit" -> hasNonDigit(v);
            case "iban" -> iban(v);
            case "couponposoffer" -> couponPositiveOffer(v);
            case "couponcode" -> couponCode(v);
            default -> null;
        };
    }

    private static LintFailure fail(String code, String message, int offset) {
        return new LintFailure(code, message, offset);
    }

    private static int firstNonDigit(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return i;
            }
        }
        return -1;
    }

    private static LintFailure nonDigit(String v, int i) {
        return fail(INVALID_VALUE, "non-digit character '" + v.charAt(i) + "'", i);
    }

    // ---- check digits -------------------------------------------------------------------------------------------

    /** The GS1 mod-10 check digit for {@code body} (all digits, the check digit excluded). */
    public static int gs1CheckDigit(CharSequence body) {
        int sum = 0;
        int weight = 3;
        for (int i = body.length() - 1; i >= 0; i--) {
            sum += weight * (body.charAt(i) - '0');
            weight = 4 - weight;
        }
        return (10 - sum % 10) % 10;
    }

    static LintFailure csum(String v) {
        if (v.isEmpty()) {
            return fail(CHECK_DIGIT, "too short to contain a check digit", 0);
        }
        int nd = firstNonDigit(v);
        if (nd >= 0) {
            return nonDigit(v, nd);
        }
        int expected = gs1CheckDigit(v.subSequence(0, v.length() - 1));
        int found = v.charAt(v.length() - 1) - '0';
        if (expected != found) {
            return fail(CHECK_DIGIT, "wrong check digit " + found + ", the correct check digit is " + expected,
                    v.length() - 1);
        }
        return null;
    }

    static LintFailure csumalpha(String v) {
        int n = v.length();
        if (n < 2) {
            return fail(CHECK_DIGIT, "too short to contain a check character pair", 0);
        }
        if (n > PRIMES.length + 2) {
            return fail(CHECK_DIGIT, "too long for the check character pair calculation", 0);
        }
        int sum = 0;
        for (int i = 0; i < n - 2; i++) {
            char c = v.charAt(i);
            int w = c < 128 ? CSET82_WEIGHT[c] : -1;
            if (w < 0) {
                return fail(INVALID_VALUE, "character '" + c + "' is not in GS1 character set 82", i);
            }
            sum += w * PRIMES[n - 3 - i];
        }
        sum %= 1021;
        char c1 = CSET32.charAt(sum >> 5);
        char c2 = CSET32.charAt(sum & 31);
        if (v.charAt(n - 2) != c1 || v.charAt(n - 1) != c2) {
            return fail(CHECK_DIGIT, "wrong check character pair '" + v.substring(n - 2) + "', the correct pair is '"
                    + c1 + c2 + "'", n - 2);
        }
        return null;
    }

    private static int[] firstPrimes(int count) {
        int[] p = new int[count];
        int found = 0;
        for (int c = 2; found < count; c++) {
            boolean prime = true;
            for (int d = 2; d * d <= c; d++) {
                if (c % d == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                p[found++] = c;
            }
        }
        return p;
    }

    /** GS1 Company Prefix position check: at least 4 digits where the GCP starts ({@code skip} = 1 for gcppos2). */
    static LintFailure gcp(String v, int skip) {
        if (v.length() < skip + 4) {
            return fail(INVALID_COMPANY_PREFIX, "too short to contain a GS1 Company Prefix", skip);
        }
        for (int i = skip; i < skip + 4; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return fail(INVALID_COMPANY_PREFIX, "a GS1 Company Prefix starts with at least 4 digits, found '"
                        + c + "'", i);
            }
        }
        return null;
    }

    // ---- dates and times ----------------------------------------------------------------------------------------

    private static int two(String v, int i) {
        return (v.charAt(i) - '0') * 10 + (v.charAt(i + 1) - '0');
    }

    private static LintFailure date(int year, int month, int day, boolean dayZeroAllowed, int monthOffset, String v) {
        if (month < 1 || month > 12) {
            return fail(INVALID_DATE, "invalid month " + v.substring(monthOffset, monthOffset + 2) + " in date " + v,
                    monthOffset);
        }
        int max = switch (month) {
            case 2 -> (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        if (day > max || (day == 0 && !dayZeroAllowed)) {
            return fail(INVALID_DATE, "invalid day " + v.substring(monthOffset + 2, monthOffset + 4) + " in date " + v,
                    monthOffset + 2);
        }
        return null;
    }

    static LintFailure yymmdd(String v, boolean dayZeroAllowed) {
        if (v.length() != 6) {
            return fail(INVALID_DATE, "a YYMMDD date has 6 digits", 0);
        }
        int nd = firstNonDigit(v);
        if (nd >= 0) {
            return fail(INVALID_DATE, "non-digit character '" + v.charAt(nd) + "' in date", nd);
        }
        int yy = two(v, 0);
        // Leap years: only the century matters for YY; YY=00 is 2000 under the GS1 sliding window (a leap year).
        return date(2000 + yy, two(v, 2), two(v, 4), dayZeroAllowed, 2, v);
    }

    static LintFailure yyyymmdd(String v, boolean dayZeroAllowed) {
        if (v.length() != 8) {
            return fail(INVALID_DATE, "a YYYYMMDD date has 8 digits", 0);
        }
        int nd = firstNonDigit(v);
        if (nd >= 0) {
            return fail(INVALID_DATE, "non-digit character '" + v.charAt(nd) + "' in date", nd);
        }
        return date(two(v, 0) * 100 + two(v, 2), two(v, 4), two(v, 6), dayZeroAllowed, 4, v);
    }

    static LintFailure twoDigitMax(String v, int max, String code, String what) {
        if (v.length() != 2) {
            return fail(code, "a " + what + " has 2 digits", 0);
        }
        int nd = firstNonDigit(v);
        if (nd >= 0) {
            return fail(code, "non-digit character '" + v.charAt(nd) + "' in " + what, nd);
        }
        if (two(v, 0) > max) {
            return fail(code, "invalid " + what + " " + v, 0);
        }
        return null;
    }

    static LintFailure hhmi(String v) {
        if (v.length() != 4) {
            return fail(INVALID_TIME, "a HHMM time has 4 digits", 0);
        }
        LintFailure f = twoDigitMax(v.substring(0, 2), 23, INVALID_TIME, "hour");
        if (f != null) {
            return f;
        }
        f = twoDigitMax(v.substring(2), 59, INVALID_TIME, "minute");
        return f == null ? null : fail(f.code(), f.message(), f.offset() + 2);
    }

    // ---- code lists ---------------------------------------------------------------------------------------------

    static LintFailure iso3166(String v, boolean allow999) {
        if (v.length() != 3 || firstNonDigit(v) >= 0) {
            return fail(INVALID_COUNTRY, "'" + v + "' is not a 3-digit ISO 3166 country code", 0);
        }
        int code = Integer.parseInt(v);
        if (IsoCodes.isCountryNumeric(code) || (allow999 && code == 999)) {
            return null;
        }
        return fail(INVALID_COUNTRY, "'" + v + "' is not an ISO 3166 numeric country code"
                + (allow999 ? " nor 999" : ""), 0);
    }

    static LintFailure iso3166alpha2(String v) {
        if (v.length() == 2 && IsoCodes.isCountryAlpha2(v.charAt(0), v.charAt(1))) {
            return null;
        }
        return fail(INVALID_COUNTRY, "'" + v + "' is not an ISO 3166 alpha-2 country code", 0);
    }

    static LintFailure iso4217(String v) {
        if (v.length() == 3 && firstNonDigit(v) < 0 && IsoCodes.isCurrencyNumeric(Integer.parseInt(v))) {
            return null;
        }
        return fail(INVALID_CURRENCY, "'" + v + "' is not an ISO 4217 numeric currency code", 0);
    }

    private static LintFailure oneOf(String v, String allowed, String message) {
        if (v.length() == 1 && allowed.indexOf(v.charAt(0)) >= 0) {
            return null;
        }
        return fail(INVALID_VALUE, message + ", found '" + v + "'", 0);
    }

    static LintFailure mediaType(String v) {
        if (v.length() == 2 && firstNonDigit(v) < 0) {
            int t = two(v, 0);
            if ((t >= 1 && t <= 10) || (t >= 80 && t <= 99)) {
                return null;
            }
        }
        return fail(INVALID_VALUE, "'" + v + "' is not an AIDC media type (01-10, 80-99)", 0);
    }

    static LintFailure importerIndex(String v) {
        if (v.length() == 1) {
            char c = v.charAt(0);
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_') {
                return null;
            }
        }
        return fail(INVALID_VALUE, "importer index must be one character 0-9, A-Z, a-z, '-' or '_'", 0);
    }

    // ---- misc ---------------------------------------------------------------------------------------------------

    static LintFailure pcenc(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) == '%') {
                if (i + 2 >= v.length() || !isHex(v.charAt(i + 1)) || !isHex(v.charAt(i + 2))) {
                    return fail(INVALID_PERCENT_ENCODING, "'%' must be followed by two hexadecimal digits", i);
                }
                i += 2;
            }
        }
        return null;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

    static LintFailure nonzero(String v) {
        int nd = firstNonDigit(v);
        if (nd >= 0) {
            return nonDigit(v, nd);
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) != '0') {
                return null;
            }
        }
        return fail(INVALID_VALUE, "value must not be zero", 0);
    }

    static LintFailure zero(String v) {
        if (v.isEmpty()) {
            return fail(INVALID_VALUE, "value must be zero", 0);
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) != '0') {
                return fail(INVALID_VALUE, "value must be zero", i);
            }
        }
        return null;
    }

    static LintFailure hyphen(String v) {
        if (v.isEmpty()) {
            return fail(INVALID_VALUE, "value must be a hyphen", 0);
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) != '-') {
                return fail(INVALID_VALUE, "value must be a hyphen '-'", i);
            }
        }
        return null;
    }

    static LintFailure pieceOfTotal(String v) {
        int nd = firstNonDigit(v);
        if (nd >= 0) {
            return nonDigit(v, nd);
        }
        int n = v.length();
        if (n == 0 || n % 2 != 0) {
            return fail(INVALID_VALUE, "piece and total must have the same number of digits", 0);
        }
        String piece = v.substring(0, n / 2);
        String total = v.substring(n / 2);
        if (piece.chars().allMatch(c -> c == '0')) {
            return fail(INVALID_VALUE, "piece number must not be zero", 0);
        }
        if (total.chars().allMatch(c -> c == '0')) {
            return fail(INVALID_VALUE, "total number of pieces must not be zero", n / 2);
        }
        if (piece.compareTo(total) > 0) {
            return fail(INVALID_VALUE, "piece number " + piece + " exceeds total " + total, 0);
        }
        return null;
    }

    static LintFailure degrees(String v, long max, String what) {
        if (v.length() != 10) {
            return fail(INVALID_VALUE, what + " must have 10 digits", 0);
        }
        int nd = firstNonDigit(v);
        if (nd >= 0) {
            return nonDigit(v, nd);
        }
        if (Long.parseLong(v) > max) {
            return fail(INVALID_VALUE, "invalid " + what + " " + v, 0);
        }
        return null;
    }

    static LintFailure positionInSequence(String v) {
        int slash = v.indexOf('/');
        if (slash <= 0 || slash == v.length() - 1 || firstNonDigit(v.substring(0, slash)) >= 0
                || firstNonDigit(v.substring(slash + 1)) >= 0) {
            return fail(INVALID_VALUE, "position in sequence must be digits/digits, e.g. 1/3", 0);
        }
        String pos = v.substring(0, slash);
        String end = v.substring(slash + 1);
        if (pos.charAt(0) == '0') {
            return fail(INVALID_VALUE, "position must not start with zero", 0);
        }
        if (end.charAt(0) == '0') {
            return fail(INVALID_VALUE, "sequence end must not start with zero", slash + 1);
        }
        if (pos.length() > end.length() || (pos.length() == end.length() && pos.compareTo(end) > 0)) {
            return fail(INVALID_VALUE, "position " + pos + " exceeds sequence end " + end, 0);
        }
        return null;
    }

    static LintFailure noZeroPrefix(String v) {
        if (!v.isEmpty() && v.charAt(0) == '0') {
            return fail(INVALID_VALUE, "value must not start with zero", 0);
        }
        int nd = firstNonDigit(v);
        return nd >= 0 ? nonDigit(v, nd) : null;
    }

    static LintFailure hasNonDigit(String v) {
        return firstNonDigit(v) >= 0 ? null : fail(INVALID_VALUE, "value must contain at least one non-digit", 0);
    }

    static LintFailure iban(String v) {
        int n = v.length();
        if (n < 5) {
            return fail(INVALID_VALUE, "IBAN too short", 0);
        }
        if (!IsoCodes.isCountryAlpha2(v.charAt(0), v.charAt(1))) {
            return fail(INVALID_VALUE, "IBAN must start with an ISO 3166 alpha-2 country code", 0);
        }
        if (n > 34) {
            return fail(INVALID_VALUE, "IBAN too long", 0);
        }
        int mod = 0;
        for (int k = 0; k < n; k++) {
            int i = (k + 4) % n;                 // rearranged: BBAN first, then country code and check digits
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                mod = (mod * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                mod = (mod * 100 + (c - 'A' + 10)) % 97;
            } else {
                return fail(INVALID_VALUE, "invalid IBAN character '" + c + "'", i);
            }
        }
        return mod == 1 ? null : fail(CHECK_DIGIT, "IBAN check digits are wrong", 2);
    }

    // ---- coupons ------------------------------------------------------------------------------------------------

    /** AI 8112: paperless coupon code, positive offer file format (GS1 General Specifications 3.9.9). */
    static LintFailure couponPositiveOffer(String v) {
        int nd = firstNonDigit(v);
        if (nd >= 0) {
            return nonDigit(v, nd);
        }
        int p = 0;
        int n = v.length();
        if (p >= n || (v.charAt(p) != '0' && v.charAt(p) != '1')) {
            return fail(INVALID_VALUE, "coupon format code must be 0 or 1", p);
        }
        p++;
        if (p >= n || v.charAt(p) > '6') {
            return fail(INVALID_VALUE, "coupon funder ID length indicator must be 0-6", Math.min(p, n));
        }
        int len = v.charAt(p++) - '0' + 6;
        if (n - p < len) {
            return fail(INVALID_VALUE, "coupon funder ID truncated", p);
        }
        p += len;
        if (n - p < 6) {
            return fail(INVALID_VALUE, "coupon offer code truncated", p);
        }
        p += 6;
        if (p >= n) {
            return fail(INVALID_VALUE, "coupon serial number length indicator missing", p);
        }
        len = v.charAt(p++) - '0' + 6;
        if (n - p < len) {
            return fail(INVALID_VALUE, "coupon serial number truncated", p);
        }
        p += len;
        if (p != n) {
            return fail(INVALID_VALUE, "excess data after coupon serial number", p);
        }
        return null;
    }

    /**
     * AI 8110: North American coupon code. Only the mandatory leading fields (company prefix, offer code, save value,
     * first purchase requirement, code and family code) are checked; optional fields are accepted unchecked.
     */
    static LintFailure couponCode(String v) {
        int nd = firstNonDigit(v);
        if (nd >= 0) {
            return nonDigit(v, nd);
        }
        int n = v.length();
        int p = 0;
        if (p >= n || v.charAt(p) > '6') {
            return fail(INVALID_VALUE, "coupon company prefix length indicator must be 0-6", 0);
        }
        int len = v.charAt(p++) - '0' + 6;
        if (n - p < len) {
            return fail(INVALID_VALUE, "coupon company prefix truncated", p);
        }
        p += len;
        if (n - p < 6) {
            return fail(INVALID_VALUE, "coupon offer code truncated", p);
        }
        p += 6;
        if (p >= n || v.charAt(p) < '1' || v.charAt(p) > '5') {
            return fail(INVALID_VALUE, "coupon save value length indicator must be 1-5", Math.min(p, n));
        }
        len = v.charAt(p++) - '0';
        if (n - p < len) {
            return fail(INVALID_VALUE, "coupon save value truncated", p);
        }
        p += len;
        if (p >= n || v.charAt(p) < '1' || v.charAt(p) > '5') {
            return fail(INVALID_VALUE, "coupon purchase requirement length indicator must be 1-5", Math.min(p, n));
        }
        len = v.charAt(p++) - '0';
        if (n - p < len) {
            return fail(INVALID_VALUE, "coupon purchase requirement truncated", p);
        }
        p += len;
        if (p >= n || (v.charAt(p) > '4' && v.charAt(p) != '9')) {
            return fail(INVALID_VALUE, "coupon purchase requirement code must be 0-4 or 9", Math.min(p, n));
        }
        p++;
        if (n - p < 3) {
            return fail(INVALID_VALUE, "coupon purchase family code truncated", p);
        }
        return null;
    }
}
