package org.openipm.messaging.seizure.intake;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openipm.events.Topics;
import org.openipm.platform.events.TransientRetry;

/**
 * Kafka adapter of the seizure intake: one poll is one batch, applied in one transaction (set-based writes are
 * what makes a customs system's thousand seizures cheap). Acknowledged only once committed and its poison set
 * aside; when the service stops mid-retry the batch stays unacknowledged and is delivered again after the restart,
 * where the stored versions make it change nothing twice.
 */
@ApplicationScoped
public class SeizureReportedConsumer {

    private final SeizureReportedHandler handler;

    public SeizureReportedConsumer(SeizureReportedHandler handler) {
        this.handler = handler;
    }

    @Incoming(Topics.SEIZURE_REPORTED)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordBatchMetadata<String, byte[]> polled = batch.getMetadata(
                IncomingKafkaRecordBatchMetadata.class).orElseThrow();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(polled.count());
        polled.getRecords().forEach(records::add);
        try {
            handler.handle(records);
        } catch (TransientRetry.ConsumerStoppingException stopping) {
            return CompletableFuture.completedFuture(null);
        }
        return batch.ack();
    }
}
