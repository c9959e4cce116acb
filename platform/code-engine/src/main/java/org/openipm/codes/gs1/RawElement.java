package org.openipm.codes.gs1;

/**
 * An AI and its value as extracted from the input, with the input positions needed for precise problem reports.
 *
 * @param entry      dictionary entry of the AI
 * @param aiPos      position of the AI in the input
 * @param value      decoded value
 * @param valueStart position of the value's first character in the input (when {@code valuePos} is null)
 * @param valuePos   per-character input positions when decoding (escapes, percent-encoding) moved characters, or null
 * @param inQuery    for Digital Link: the AI came from the query string (a data attribute)
 */
public record RawElement(AiEntry entry, int aiPos, String value, int valueStart, int[] valuePos, boolean inQuery) {

    /** Input position of value character {@code i} (i may equal the value length: just past the end). */
    public int pos(int i) {
        if (valuePos == null) {
            return valueStart + i;
        }
        if (i < valuePos.length) {
            return valuePos[i];
        }
        return valuePos.length == 0 ? valueStart : valuePos[valuePos.length - 1] + 1;
    }

    public String ai() {
        return entry.ai();
    }
}
