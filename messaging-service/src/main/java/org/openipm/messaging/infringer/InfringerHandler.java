package org.openipm.messaging.infringer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.infringers.InfringerDelisted;
import org.openipm.events.infringers.InfringerListed;
import org.openipm.platform.events.ProcessedEventRepository;
import org.openipm.platform.events.ReceivedEvent;
import org.openipm.platform.events.ReceivedEvent.MalformedEventException;
import org.openipm.platform.events.RedrivableConsumer;

/**
 * Applies one {@code brand-infringers} record to the copy, exactly once: the event id is recorded in the transaction
 * that applies it. A record that can never apply (unreadable, or missing what identifies the entry) is refused as
 * poison; an unknown type is skipped, since product-service may add types before this consumer learns them.
 */
@Singleton
public class InfringerHandler implements RedrivableConsumer {

    public static final String CONSUMER = "messaging-service.infringers";

    private final ProcessedEventRepository processed;
    private final InfringerCopy copy;
    private final ObjectMapper json;

    public InfringerHandler(ProcessedEventRepository processed, InfringerCopy copy, ObjectMapper json) {
        this.processed = processed;
        this.copy = copy;
        this.json = json;
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public String sourceTopic() {
        return Topics.BRAND_INFRINGERS;
    }

    @Override
    public void apply(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        Runnable change = switch (event.type()) {
            case EventTypes.INFRINGER_LISTED -> {
                InfringerListed listed = event.payloadAs(json, InfringerListed.class);
                require(event, listed.entryId() != null && listed.brandId() != null && listed.kind() != null
                        && listed.value() != null && listed.evidence() != null && listed.listedAt() != null);
                yield () -> copy.listed(listed);
            }
            case EventTypes.INFRINGER_DELISTED -> {
                InfringerDelisted delisted = event.payloadAs(json, InfringerDelisted.class);
                require(event, delisted.entryId() != null && delisted.brandId() != null
                        && delisted.delistedAt() != null);
                yield () -> copy.delisted(delisted);
            }
            default -> null;
        };
        if (change != null) {
            QuarkusTransaction.requiringNew().run(() -> {
                if (processed.firstDelivery(event.id(), CONSUMER)) {
                    change.run();
                }
            });
        }
    }

    private static void require(ReceivedEvent event, boolean complete) {
        if (!complete) {
            throw new MalformedEventException("event " + event.id() + " (" + event.type() + ") lacks the entry id, "
                    + "brand, kind, value, evidence or time");
        }
    }
}
