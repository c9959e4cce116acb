package org.openipm.codes.gs1;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables the GS1 Digital Link 1.1 compression relies on, derived from the syntax dictionary: the length of an AI
 * from its first two digits, the binary format of each AI's value, and the optimisation codes standing for fixed AI
 * sequences.
 *
 * <p>The standard's format table follows the AI formats of the GS1 General Specifications (for example "N8+N..4" for
 * AI (8008)), while the dictionary splits them further for its linters (N6 N2 [N2] [N2]). The format is therefore
 * rebuilt from the dictionary components: consecutive mandatory fixed-length numeric components form one fixed
 * numeric part, consecutive mandatory non-numeric components form one alphanumeric part, and all optional components
 * together one variable-length part. Two AIs whose maximum length changed after the compression was published keep
 * the length the standard's table gives them (see {@link #FROZEN_FORMATS}).
 */
final class CompressionTable {

    /** One part of an AI value in the binary encoding. */
    record Part(boolean numeric, boolean fixed, int length) {}

    /**
     * Optimisation codes (two hex digits outside 00-99) standing for a sequence of AIs whose values follow in this
     * order (ascending AI order, as GS1's reference toolkit writes them). F is reserved for non-GS1 key=value pairs.
     */
    private static final String OPTIMISATIONS = """
            0A 01 22|0B 01 10|0C 01 21|0D 01 17|0E 01 7003|0F 01 30|1A 01 10 17 21|1B 01 15|1C 01 11|1D 01 16|1E 01 91|\
            1F 01 10 15|2A 01 3100|2B 01 3101|2C 01 3102|2D 01 3103|2E 01 3104|2F 01 3105|3A 01 3200|3B 01 3201|\
            3C 01 3202|3D 01 3203|3E 01 3204|3F 01 3205|9A 8010 8011|9B 8017 8019|9C 8018 8019|9D 254 414|\
            A0 01 3920|A1 01 3921|A2 01 3922|A3 01 3923|A4 01 3924|A5 01 3925|A6 01 3926|A7 01 3927|A8 01 3928|\
            A9 01 3929|C0 255 3900|C1 255 3901|C2 255 3902|C3 255 3903|C4 255 3904|C5 255 3905|C6 255 3906|\
            C7 255 3907|C8 255 3908|C9 255 3909|CA 255 3940|CB 255 3941|CC 255 3942|CD 255 3943""";

    /** Formats of the standard's table that differ from today's dictionary (maximum lengths changed since). */
    private static final Map<String, List<Part>> FROZEN_FORMATS = Map.of(
            "8007", List.of(new Part(false, false, 24)),      // IBAN, X..24 in the compression table
            "8013", List.of(new Part(false, false, 30)));     // GMN, X..30 in the compression table

    private static volatile CompressionTable forBundled;

    private final AiDictionary dictionary;
    private final Map<String, Integer> aiLengthByPrefix = new HashMap<>();
    private final Map<Integer, List<String>> optimisations = new HashMap<>();
    private final Map<String, List<Part>> formats = new HashMap<>();

    private CompressionTable(AiDictionary dictionary) {
        this.dictionary = dictionary;
        for (AiEntry e : dictionary.entries().values()) {
            aiLengthByPrefix.put(e.ai().substring(0, 2), e.ai().length());
            formats.put(e.ai(), FROZEN_FORMATS.getOrDefault(e.ai(), partsOf(e)));
        }
        for (String item : OPTIMISATIONS.split("\\|")) {
            String[] t = item.strip().split(" ");
            optimisations.put(Integer.parseInt(t[0], 16), List.of(t).subList(1, t.length));
        }
    }

    static CompressionTable of(AiDictionary dictionary) {
        CompressionTable t = forBundled;
        if (t != null && t.dictionary == dictionary) {
            return t;
        }
        t = new CompressionTable(dictionary);
        if (dictionary == AiDictionary.bundled()) {
            forBundled = t;
        }
        return t;
    }

    /** Number of digits of the AIs starting with these two digits, or 0 if none does. */
    int aiLength(String firstTwoDigits) {
        return aiLengthByPrefix.getOrDefault(firstTwoDigits, 0);
    }

    /** The AI sequence of an optimisation code (0x00-0xFF), or null. */
    List<String> optimisation(int code) {
        return optimisations.get(code);
    }

    List<Part> format(String ai) {
        return formats.get(ai);
    }

    AiEntry entry(String ai) {
        return dictionary.get(ai);
    }

    static List<Part> partsOf(AiEntry e) {
        List<Part> parts = new ArrayList<>();
        int optionalLength = 0;
        boolean optionalNumeric = true;
        boolean anyOptional = false;
        Part run = null;
        for (Component c : e.components()) {
            boolean numeric = c.charSet() == CharSet.N;
            if (c.optional()) {
                anyOptional = true;
                optionalLength += c.maxLength();
                optionalNumeric &= numeric;
                continue;
            }
            boolean joins = run != null && run.numeric() == numeric && (!numeric || (run.fixed() && c.fixedLength()));
            if (joins) {
                run = new Part(numeric, run.fixed() && c.fixedLength(), run.length() + c.maxLength());
            } else {
                if (run != null) {
                    parts.add(run);
                }
                run = new Part(numeric, c.fixedLength(), c.maxLength());
            }
        }
        if (run != null) {
            parts.add(run);
        }
        if (anyOptional) {
            parts.add(new Part(optionalNumeric, false, optionalLength));
        }
        return List.copyOf(parts);
    }
}
