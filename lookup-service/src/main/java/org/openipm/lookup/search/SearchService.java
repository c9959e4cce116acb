package org.openipm.lookup.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

@ApplicationScoped
public class SearchService {

    private final SearchRepository repository;

    public SearchService(SearchRepository repository) {
        this.repository = repository;
    }

    /** Whole words first; when they find nothing (a word still being typed), the same tokens as prefixes. */
    public SearchResults search(String query, int limit) {
        List<SearchHit> hits = repository.words(query, limit);
        if (!hits.isEmpty()) {
            return new SearchResults(query, false, hits);
        }
        List<String> tokens = Arrays.stream(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(t -> !t.isEmpty()).limit(8).toList();
        return tokens.isEmpty() ? new SearchResults(query, false, List.of())
                : new SearchResults(query, true, repository.prefixes(tokens, limit));
    }
}
