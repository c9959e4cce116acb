package org.openipm.lookup.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.lookup.CatalogueEvents;

/** Of one poll, the snapshot each product would end with if they were applied one by one. */
class NewestSnapshotsTest {

    @Test
    void theHighestVersionOfEachProductIsKeptWhateverTheOrder() {
        var watch = CatalogueEvents.product();
        var bag = CatalogueEvents.product();
        ProductSnapshot watch1 = watch.version(1).snapshot();
        ProductSnapshot bag2 = bag.version(2).snapshot();
        ProductSnapshot watch3 = watch.version(3).snapshot();
        ProductSnapshot watch2 = watch.version(2).snapshot();

        assertThat(NewestSnapshots.of(List.of(watch1, bag2, watch3, watch2))).containsExactly(watch3, bag2);
    }

    @Test
    void ofEqualVersionsTheFirstReceivedIsKept() {
        var watch = CatalogueEvents.product();
        ProductSnapshot first = watch.version(4).name("First").snapshot();
        ProductSnapshot second = watch.version(4).name("Second").snapshot();

        assertThat(NewestSnapshots.of(List.of(first, second))).containsExactly(first);
    }
}
