package org.openipm.codes.gs1;

import java.util.List;

/**
 * One component of an AI's data field, e.g. {@code N6,yymmd0} or {@code [X..17]}.
 *
 * @param charSet   character set
 * @param minLength minimum length (equals max for fixed length)
 * @param maxLength maximum length
 * @param optional  whether the component may be omitted (bracketed in the dictionary)
 * @param linters   linter names applied to this component, in dictionary order
 */
public record Component(CharSet charSet, int minLength, int maxLength, boolean optional, List<String> linters) {
    public Component {
        linters = List.copyOf(linters);
    }

    public boolean fixedLength() {
        return minLength == maxLength;
    }

    @Override
    public String toString() {
        String type = charSet.name() + (fixedLength() ? String.valueOf(maxLength) : ".." + maxLength);
        return (optional ? "[" + type + "]" : type) + (linters.isEmpty() ? "" : "," + String.join(",", linters));
    }
}
