package org.openipm.messaging.seizure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.events.seizures.SeizureReported;

/** A posted body is read in one pass, a record at a time; a seizure is written once, stamped after the fact. */
class SeizureBatchReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final SeizureBatchReader reader = new SeizureBatchReader(JSON);

    private static String record(String externalId, String goods) {
        return "{\"externalId\":\"" + externalId + "\",\"seizedOn\":\"2025-03-02\",\"country\":\"FR\","
                + "\"office\":\"FRLEH\",\"transportMode\":\"POSTAL\",\"goods\":" + goods + ",\"currency\":\"EUR\"}";
    }

    private List<SeizureBatchReader.Posted> read(String body) {
        return reader.read(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRecordOfTheWrongShapeIsRejectedAloneWithItsFieldAndIdAndTheNextOnesAreRead() {
        String goods = "[{\"codes\":[\"(01)09520123456788\"],\"description\":\"Watches\",\"quantity\":3,"
                + "\"unit\":\"pieces\"}]";
        List<SeizureBatchReader.Posted> posted = read("{\"note\":{\"a\":[1,2]},\"seizures\":[" + record("S-1", goods)
                + "," + record("WT-1", "{\"codes\":{\"deep\":[1,{\"x\":2}]},\"quantity\":\"many\"}") + ",\"text\","
                + "[1,[2]],null," + record("S-2", goods) + "]}");

        assertThat(posted).hasSize(6);
        assertThat(posted.get(0).seizure().externalId()).isEqualTo("S-1");
        assertThat(posted.get(0).seizure().goods().get(0).quantity()).isEqualTo(3.0);
        assertThat(posted.get(1).seizure()).isNull();
        assertThat(posted.get(1).externalId()).isEqualTo("WT-1");
        assertThat(posted.get(1).field()).isEqualTo("goods");
        assertThat(posted.get(1).reason()).contains("wrong type");
        for (int i = 2; i < 5; i++) {
            assertThat(posted.get(i).field()).isEqualTo("seizures[" + i + "]");
            assertThat(posted.get(i).reason()).isEqualTo("a seizure is a JSON object");
        }
        assertThat(posted.get(5).seizure().externalId()).isEqualTo("S-2");
    }

    @Test
    void aBodyWithoutSeizuresOrNotJsonIsRefusedAsAWhole() {
        assertThat(read("{\"seizures\":null}")).isNull();
        assertThat(read("[]")).isNull();
        assertThat(read("{\"seizures\":[]}")).isEmpty();
        assertThatThrownBy(() -> read("{\"seizures\":[{\"externalId\":")).isInstanceOf(
                SeizureBatchReader.UnreadableBody.class);
    }

    @Test
    void theStampedSeizureIsByteForByteWhatWritingItWholeGives() throws Exception {
        Instant at = Instant.parse("2026-12-03T07:01:02.123456Z");
        for (Boolean openCase : new Boolean[] {null, true, false}) {
            SeizureReported unstamped = new SeizureReported("fr-douane", "S-1", LocalDate.of(2025, 3, 2), "FR",
                    "FRLEH", "POSTAL", List.of(new SeizureReported.Goods(List.of("(01)09520123456788"),
                            "looks like ,\"reportedAt\":null,\"openCase\":true}", 3, "pieces")),
                    45.5, "EUR", new SeizureReported.Party("Ltd \u00e9\u4e2d", "CN", null), null,
                    UUID.randomUUID(), null, openCase);
            SeizureReported stamped = new SeizureReported(unstamped.authority(), unstamped.externalId(),
                    unstamped.seizedOn(), unstamped.country(), unstamped.office(), unstamped.transportMode(),
                    unstamped.goods(), unstamped.estimatedValue(), unstamped.currency(), unstamped.consignor(),
                    unstamped.caseId(), unstamped.operationId(), at, openCase);

            assertThat(new String(SeizureIntake.stamped(JSON.writeValueAsBytes(unstamped),
                    JSON.writeValueAsBytes(at)), StandardCharsets.UTF_8))
                    .isEqualTo(JSON.writeValueAsString(stamped));
        }
    }
}
