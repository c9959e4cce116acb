package org.openipm.codes;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Refuses a proprietary pattern that matches too much: tried against a fixed sample of random codes, a pattern that
 * claims a real brand's serial format matches next to none, while {@code .*}, {@code [A-Z0-9]{10}} or {@code \d{10}}
 * match a large share and would make one brand's product appear on everyone's scans.
 *
 * <p>The sample is generated from a fixed seed, so every build and every service refuses the same patterns: for each
 * length from 4 to 40, {@value #PER_FAMILY} codes of each family (digits only; upper-case letters and digits;
 * upper-case letters and digits with separators {@code - / . space}; mixed-case letters and digits with
 * separators), {@value #PER_FAMILY} x 4 x 37 = 3,996 codes. All-digit codes of the lengths that are read as GTIN or
 * IMEI never reach the patterns, so upper-case codes replace them. The share is taken per length, so a fixed-length pattern cannot hide behind the other 36 lengths.
 */
public final class PatternBreadth {

    public static final int SHORTEST = 4;
    public static final int LONGEST = 40;
    static final int PER_FAMILY = 27;
    private static final long SEED = 0x1B5_0C0DE5L;
    private static final String DIGITS = "0123456789";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + DIGITS;
    private static final String MIXED = UPPER + "abcdefghijklmnopqrstuvwxyz";
    private static final String SEPARATORS = "-/. ";

    /** Sample codes by length ({@code SAMPLE.get(length - SHORTEST)}). */
    private static final List<List<String>> SAMPLE = sample();

    private PatternBreadth() {
    }

    /** How many sample codes there are in all (a few thousand). */
    public static int sampleSize() {
        return SAMPLE.stream().mapToInt(List::size).sum();
    }

    /** Why the pattern matches too much, or empty when it matches at most the allowed share of every length. */
    public static Optional<String> tooBroad(Pattern pattern) {
        for (List<String> codes : SAMPLE) {
            int allowed = (int) Math.floor(codes.size() * PatternLimits.MAX_SAMPLE_SHARE_PERCENT / 100.0);
            int matched = 0;
            String example = null;
            for (String code : codes) {
                if (pattern.matcher(code).matches()) {
                    matched++;
                    example = example == null ? code : example;
                    if (matched > allowed) {
                        return Optional.of("pattern matches too many codes: " + matched + " or more of "
                                + codes.size() + " random " + code.length() + "-character codes (e.g. '" + example
                                + "'), more than " + PatternLimits.MAX_SAMPLE_SHARE_PERCENT + " %; it would make this"
                                + " product appear on other brands' scans. Anchor it on what is specific to your"
                                + " codes, such as a fixed prefix");
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static List<List<String>> sample() {
        Random random = new Random(SEED);
        List<List<String>> byLength = new ArrayList<>();
        for (int length = SHORTEST; length <= LONGEST; length++) {
            List<String> codes = new ArrayList<>(4 * PER_FAMILY);
            for (int i = 0; i < PER_FAMILY; i++) {
                // Same count at every length: an upper-case code stands in for the digits never tried on patterns.
                codes.add(random(random, readAsGtinOrImei(length) ? UPPER : DIGITS, length, false));
                codes.add(random(random, UPPER, length, false));
                codes.add(random(random, UPPER, length, true));
                codes.add(random(random, MIXED, length, true));
            }
            byLength.add(List.copyOf(codes));
        }
        return List.copyOf(byLength);
    }

    /** All-digit codes of these lengths are interpreted as GTIN-8/12/13/14, IMEI or IMEISV, never as proprietary. */
    private static boolean readAsGtinOrImei(int length) {
        return length == 8 || (length >= 12 && length <= 16);
    }

    private static String random(Random random, String alphabet, int length, boolean separators) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            // Separators only inside the code (scanners' and people's surrounding spaces are trimmed anyway).
            boolean separator = separators && i > 0 && i < length - 1 && random.nextInt(5) == 0
                    && code.charAt(i - 1) != ' ';
            code.append(separator ? SEPARATORS.charAt(random.nextInt(SEPARATORS.length()))
                    : alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return code.toString();
    }
}
