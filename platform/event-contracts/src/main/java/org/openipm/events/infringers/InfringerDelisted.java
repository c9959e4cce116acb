package org.openipm.events.infringers;

import java.time.Instant;
import java.util.UUID;

/**
 * A brand removed an entry from its list of known infringers: it matches nothing any more. Keyed by entry id on
 * {@code brand-infringers}, so it is the last record of the entry.
 *
 * @param entryId the entry's id, also the record key
 * @param brandId the brand whose list held it
 * @param version the entry's version at removal (one more than its last listing)
 * @param delistedAt when it was removed
 */
public record InfringerDelisted(
        UUID entryId,
        String brandId,
        long version,
        Instant delistedAt) {
}
