package org.openipm.codes.gs1;

import java.util.List;

/**
 * One Application Identifier as described by the GS1 Barcode Syntax Dictionary.
 *
 * @param ai             the AI digits
 * @param title          the data title (may be empty)
 * @param fnc1Required   false for predefined-length AIs ({@code *} flag): no FNC1 separator needed after them
 * @param dlDataAttribute whether the AI may be a GS1 Digital Link data attribute (query parameter; {@code ?} flag)
 * @param components     data field components
 * @param requires       each inner list is one {@code req=} attribute: a list of alternatives, each alternative a
 *                       list of AIs or AI patterns ({@code n} = any digit) that must all be present
 * @param excludes       AIs or AI patterns that must not be present together with this AI
 * @param dlQualifierSequences null if not a Digital Link primary key, else the alternative ordered qualifier sequences
 *                       (a single empty list for a primary key without qualifiers)
 */
public record AiEntry(String ai, String title, boolean fnc1Required, boolean dlDataAttribute,
                      List<Component> components, List<List<List<String>>> requires, List<String> excludes,
                      List<List<String>> dlQualifierSequences) {

    public boolean isDlPrimaryKey() {
        return dlQualifierSequences != null;
    }

    /** Sum of the minimum lengths of the mandatory components. */
    public int minLength() {
        int n = 0;
        for (Component c : components) {
            if (!c.optional()) {
                n += c.minLength();
            }
        }
        return n;
    }

    /** Sum of the maximum lengths of all components. */
    public int maxLength() {
        int n = 0;
        for (Component c : components) {
            n += c.maxLength();
        }
        return n;
    }

    /** Whether the AI matches a dictionary AI pattern such as {@code 31nn} or {@code 01}. */
    public static boolean matchesPattern(String ai, String pattern) {
        if (ai.length() != pattern.length()) {
            return false;
        }
        for (int i = 0; i < ai.length(); i++) {
            char p = pattern.charAt(i);
            if (p != 'n' && p != ai.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
