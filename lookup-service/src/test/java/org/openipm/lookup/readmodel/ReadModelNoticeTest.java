package org.openipm.lookup.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The notice every instance hears: what it names must survive the trip, and anything unreadable means "forget all". */
class ReadModelNoticeTest {

    @Test
    void aNoticeReadsBackAsSent() {
        ReadModelNotice sent = new ReadModelNotice(UUID.randomUUID(), List.of("09520123456788", "00012345678905"),
                true, false, false);

        assertThat(ReadModelNotice.parse(sent.payload())).isEqualTo(sent);
    }

    @Test
    void aProductWithoutCodesReadsBackWithNone() {
        ReadModelNotice sent = new ReadModelNotice(UUID.randomUUID(), List.of(), false, true, false);

        assertThat(ReadModelNotice.parse(sent.payload())).isEqualTo(sent);
    }

    @Test
    void aNoticeTooLargeForPostgresqlAsksToForgetEverything() {
        List<String> manyGtins = Collections.nCopies(600, "09520123456788");
        String payload = new ReadModelNotice(UUID.randomUUID(), manyGtins, false, false, false).payload();

        assertThat(payload.length()).isLessThan(8_000);
        assertThat(ReadModelNotice.parse(payload).everything()).isTrue();
    }

    @Test
    void whatThisVersionCannotReadAsksToForgetEverything() {
        assertThat(ReadModelNotice.parse("v2;something;new").everything()).isTrue();
        assertThat(ReadModelNotice.parse("v1;not-a-uuid;T;").everything()).isTrue();
        assertThat(ReadModelNotice.parse(null).everything()).isTrue();
    }
}
