package org.openipm.codes.gs1;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes the compressed path segment of a GS1 Digital Link URI (GS1 Digital Link 1.1, "compression"): the segment
 * is URI-safe base64 (A-Z a-z 0-9 - _, 6 bits a character) of a bit string holding a sequence of
 * <ul>
 *   <li>an AI as 4-bit decimal digits (its length known from its first two digits) followed by its value in the
 *       binary format of the AI ({@link CompressionTable}); or</li>
 *   <li>an optimisation code (two hex digits outside 00-99) standing for several AIs whose values follow; or</li>
 *   <li>hex F: a non-GS1 key=value pair (7-bit key length, 6-bit key characters, then an encoded value).</li>
 * </ul>
 * Numeric values are binary integers of ceil(n * log2(10)) bits (plus a length for variable-length ones);
 * alphanumeric values carry a 3-bit encoding (0 digits, 1 lower-case hex, 2 upper-case hex, 3 URI-safe base64,
 * 4 seven-bit ASCII), then their length when variable, then the characters. Zero bits pad the last character.
 */
public final class CompressedDigitalLink {

    static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String HEX = "0123456789abcdef";
    private static final int NON_GS1_PAIR = 0xF;

    private CompressedDigitalLink() {}

    /** What a compressed segment decodes to: the elements, or where and why decoding stopped. */
    public record Result(List<RawElement> elements, String failure, int failurePosition, boolean recognisedStart) {
        public boolean ok() {
            return failure == null;
        }
    }

    /** Whether {@code s[from, to)} is a non-empty run of URI-safe base64 characters. */
    public static boolean isBase64Url(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (BASE64URL.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes {@code s[from, to)} (URI-safe base64). Element positions point at the character holding the first bit of
     * the AI and of the value.
     */
    public static Result decode(AiDictionary dict, String s, int from, int to) {
        return new Decoder(CompressionTable.of(dict), s, from, to).run();
    }

    private static final class Failure extends Exception {
        final int bit;

        Failure(String message, int bit) {
            super(message, null, false, false);
            this.bit = bit;
        }
    }

    private static final class Decoder {
        private final CompressionTable table;
        private final int from;
        private final boolean[] bits;
        private int cursor;
        private boolean started;
        private final List<RawElement> out = new ArrayList<>();

        Decoder(CompressionTable table, String s, int from, int to) {
            this.table = table;
            this.from = from;
            this.bits = new boolean[(to - from) * 6];
            for (int i = from; i < to; i++) {
                int v = BASE64URL.indexOf(s.charAt(i));
                for (int b = 0; b < 6; b++) {
                    bits[(i - from) * 6 + b] = ((v >> (5 - b)) & 1) == 1;
                }
            }
        }

        Result run() {
            try {
                while (bits.length - cursor >= 8) {
                    element();
                }
                for (int b = cursor; b < bits.length; b++) {
                    if (bits[b]) {
                        throw new Failure("the padding bits after the last element are not zero", b);
                    }
                }
                if (out.isEmpty()) {
                    throw new Failure("it holds no element", 0);
                }
                return new Result(List.copyOf(out), null, -1, true);
            } catch (Failure f) {
                return new Result(List.copyOf(out), f.getMessage(), position(Math.min(f.bit, bits.length - 1)),
                        started);
            }
        }

        private int position(int bit) {
            return from + Math.max(0, bit) / 6;
        }

        private void element() throws Failure {
            int start = cursor;
            int h1 = (int) read(4, start);
            int h2 = (int) read(4, start);
            if (h1 <= 9 && h2 <= 9) {
                String ai = "" + h1 + h2;
                int length = table.aiLength(ai);
                if (length == 0) {
                    throw new Failure("no Application Identifier starts with " + ai, start);
                }
                while (ai.length() < length) {
                    int d = (int) read(4, start);
                    if (d > 9) {
                        throw new Failure("Application Identifier " + ai + " continues with a non-digit", cursor - 4);
                    }
                    ai += d;
                }
                AiEntry entry = table.entry(ai);
                if (entry == null) {
                    throw new Failure("unknown Application Identifier (" + ai + ")", start);
                }
                started = true;
                value(entry, start);
                return;
            }
            List<String> sequence = table.optimisation(h1 * 16 + h2);
            if (sequence != null) {
                started = true;
                for (String ai : sequence) {
                    value(table.entry(ai), start);
                }
                return;
            }
            if (h1 == NON_GS1_PAIR) {
                started = true;
                skipNonGs1Pair(start);
                return;
            }
            throw new Failure("code " + HEX.charAt(h1) + HEX.charAt(h2) + " is neither an Application Identifier nor "
                    + "an optimisation code", start);
        }

        /** Non-GS1 key=value pairs (other query parameters) carry no GS1 data: read past them. */
        private void skipNonGs1Pair(int start) throws Failure {
            cursor = start + 4;
            int keyLength = (int) read(7, start);
            if (keyLength == 0) {
                throw new Failure("a non-GS1 key=value pair has an empty key", start);
            }
            read((long) keyLength * 6, start);
            int encoding = (int) read(3, start);
            int length = (int) read(7, start);
            characters(encoding, length, "a non-GS1 query parameter", start);
        }

        private void value(AiEntry entry, int start) throws Failure {
            List<CompressionTable.Part> parts = table.format(entry.ai());
            int valueBit = cursor;
            StringBuilder v = new StringBuilder();
            String what = "AI (" + entry.ai() + ")";
            for (CompressionTable.Part p : parts) {
                if (p.numeric() && p.fixed()) {
                    v.append(digits(p.length(), what, start));
                } else if (p.numeric()) {
                    int n = (int) read(lengthBits(p.length()), start);
                    if (n > p.length()) {
                        throw new Failure(what + " says " + n + " digits, at most " + p.length() + " fit", cursor - 1);
                    }
                    v.append(digits(n, what, start));
                } else {
                    int encoding = (int) read(3, start);
                    int n = p.length();
                    if (!p.fixed()) {
                        n = (int) read(lengthBits(p.length()), start);
                        if (n > p.length()) {
                            throw new Failure(what + " says " + n + " characters, at most " + p.length() + " fit",
                                    cursor - 1);
                        }
                    }
                    v.append(characters(encoding, n, what, start));
                }
            }
            int aiPos = position(start);
            int[] pos = new int[v.length()];
            Arrays.fill(pos, position(valueBit));
            out.add(new RawElement(entry, aiPos, v.toString(), position(valueBit), pos, false));
        }

        private String characters(int encoding, int n, String what, int start) throws Failure {
            switch (encoding) {
                case 0 -> {
                    return digits(n, what, start);
                }
                case 1, 2 -> {
                    StringBuilder sb = new StringBuilder(n);
                    for (int i = 0; i < n; i++) {
                        char c = HEX.charAt((int) read(4, start));
                        sb.append(encoding == 2 ? Character.toUpperCase(c) : c);
                    }
                    return sb.toString();
                }
                case 3 -> {
                    StringBuilder sb = new StringBuilder(n);
                    for (int i = 0; i < n; i++) {
                        sb.append(BASE64URL.charAt((int) read(6, start)));
                    }
                    return sb.toString();
                }
                case 4 -> {
                    StringBuilder sb = new StringBuilder(n);
                    for (int i = 0; i < n; i++) {
                        sb.append((char) read(7, start));
                    }
                    return sb.toString();
                }
                default -> throw new Failure(what + " uses the reserved character encoding " + encoding, cursor - 3);
            }
        }

        /** n decimal digits stored as one binary integer; leading zeros restored from the known length. */
        private String digits(int n, String what, int start) throws Failure {
            int width = valueBits(n);
            if (cursor + width > bits.length) {
                throw new Failure("the data ends inside " + what, bits.length);
            }
            BigInteger v = BigInteger.ZERO;
            for (int i = 0; i < width; i++) {
                v = v.shiftLeft(1);
                if (bits[cursor + i]) {
                    v = v.setBit(0);
                }
            }
            int valueStart = cursor;
            cursor += width;
            if (n == 0) {
                return "";
            }
            String text = v.toString();
            if (text.length() > n) {
                throw new Failure(what + " holds the number " + text + ", more than " + n + " digits", valueStart);
            }
            return "0".repeat(n - text.length()) + text;
        }

        private long read(long count, int elementStart) throws Failure {
            if (cursor + count > bits.length) {
                throw new Failure(elementStart == 0 && cursor < 8 ? "it is too short"
                        : "the data ends inside an element", bits.length);
            }
            if (count > 62) {
                cursor += (int) count;
                return 0;
            }
            long v = 0;
            for (int i = 0; i < count; i++) {
                v = (v << 1) | (bits[cursor++] ? 1 : 0);
            }
            return v;
        }
    }

    /** Bits holding a length of at most {@code max}: ceil(log2(max) + 0.01), as the standard computes it. */
    static int lengthBits(int max) {
        return (int) Math.ceil(Math.log(max) / Math.log(2) + 0.01);
    }

    /** Bits holding an n-digit number: ceil(n * log2(10) + 0.01), as the standard computes it (1 bit for n = 0). */
    static int valueBits(int n) {
        return (int) Math.ceil(n * Math.log(10) / Math.log(2) + 0.01);
    }
}
