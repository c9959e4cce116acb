package org.openipm.lookup.answers;

import java.util.List;
import java.util.UUID;

/**
 * Everything the lookup query's answer depends on: the GTIN and TAC read from the code, the products whose
 * proprietary pattern matched it (sorted), and the country whose contacts are shown (null: all, "": none but "*").
 */
public record MatchKey(String gtin14, String tac, List<UUID> patternProducts, String contactsCountry) {
}
