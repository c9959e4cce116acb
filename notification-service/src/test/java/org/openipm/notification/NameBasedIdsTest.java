package org.openipm.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NameBasedIdsTest {

    @Test
    void theSameIdsAsTheJdksNameBasedUuidsSoStoredAlertsAndDeliveriesKeepTheirIds() {
        for (String name : new String[] {"", "a", UUID.randomUUID() + "|COUNTERFEIT_VERDICT|BRAND:acme",
                UUID.randomUUID() + "|" + UUID.randomUUID(), "contrefaçon ñ 偽物 \uD83D\uDE00"}) {
            assertThat(NameBasedIds.of(name)).isEqualTo(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < 1_000; i++) {
            String name = UUID.randomUUID() + "|" + i;
            assertThat(NameBasedIds.of(name)).isEqualTo(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
