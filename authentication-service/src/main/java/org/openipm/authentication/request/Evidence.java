package org.openipm.authentication.request;

import java.util.List;
import java.util.Map;
import org.openipm.authentication.clone.Sighting;

/**
 * Why a verdict is what it is: the provider's sentence and facts, and, when OpenIPM suspects a clone, the earlier
 * sightings of the same code.
 */
public record Evidence(String text, Map<String, String> facts, List<Sighting> earlierSightings) {

    public Evidence {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
        earlierSightings = earlierSightings == null ? List.of() : List.copyOf(earlierSightings);
    }

    public static Evidence none() {
        return new Evidence(null, Map.of(), List.of());
    }
}
