package org.openipm.lookup.search;

import java.util.List;

/** {@code prefixMatch} tells the client the words matched nothing whole and these are prefix matches. */
public record SearchResults(String query, boolean prefixMatch, List<SearchHit> results) {
}
