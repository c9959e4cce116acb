package org.openipm.product.domain;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which GTINs a brand is known to own: those inside a GS1 company prefix an administrator granted it (the prefix
 * follows the indicator digit of the GTIN-14), and those licensed to it one by one. Any other GTIN a brand lists is
 * an unverified claim.
 */
public record GtinOwnership(List<String> approvedPrefixes, Set<String> licensedGtins) {

    public boolean owns(String gtin14) {
        return licensedGtins.contains(gtin14) || insideAnyPrefix(approvedPrefixes, gtin14);
    }

    /** The owned GTINs among {@code gtins14}, in their order. */
    public List<String> verified(Collection<String> gtins14) {
        return gtins14.stream().filter(this::owns).toList();
    }

    public static boolean insideAnyPrefix(Collection<String> prefixes, String gtin14) {
        return prefixes.stream().anyMatch(prefix -> gtin14.startsWith(prefix, 1));
    }
}
